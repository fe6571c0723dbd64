package io.firebreak.incident;

import java.time.Instant;

/** A resolved, verified or closed incident went back to INVESTIGATING, with the reason. */
public record IncidentReopened(long incidentId, String number, String actor, Instant at, IncidentStatus from,
        String reason) implements IncidentEvent {
}
