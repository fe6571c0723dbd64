package io.firebreak.incident;

import java.time.Instant;

/** A role of an incident was left empty. */
public record IncidentRoleUnassigned(long incidentId, String number, String actor, Instant at, IncidentRole role,
        String username) implements IncidentEvent {
}
