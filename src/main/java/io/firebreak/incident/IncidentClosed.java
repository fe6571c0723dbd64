package io.firebreak.incident;

import java.time.Instant;

/** An incident was closed from {@code from}; {@code falseAlarm} when it turned out not to be an incident. */
public record IncidentClosed(long incidentId, String number, String actor, Instant at, IncidentStatus from,
        String reason, boolean falseAlarm) implements IncidentEvent {
}
