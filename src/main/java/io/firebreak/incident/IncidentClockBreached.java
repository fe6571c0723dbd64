package io.firebreak.incident;

import java.time.Instant;

/** A clock of an incident passed its due time while still running; recorded once, by the clock worker. */
public record IncidentClockBreached(long incidentId, String number, String actor, Instant at, ClockKind clock,
        Instant dueAt) implements IncidentEvent {
}
