package io.firebreak.incident;

import java.time.Instant;

/** Someone took a role on an incident ({@code previousUsername} is who held it before, or null). */
public record IncidentRoleAssigned(long incidentId, String number, String actor, Instant at, IncidentRole role,
        long userId, String username, String previousUsername) implements IncidentEvent {
}
