package io.firebreak.incident;

import java.time.Instant;

/**
 * An incident's level was confirmed or changed. {@code firstConfirmation} is true when this stamped
 * the TRIAGED stage; {@code reason} is given whenever the level actually changed.
 */
public record IncidentSeverityChanged(long incidentId, String number, String actor, Instant at, String fromLevel,
        String toLevel, boolean firstConfirmation, String reason) implements IncidentEvent {
}
