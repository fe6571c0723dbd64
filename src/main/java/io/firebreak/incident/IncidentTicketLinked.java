package io.firebreak.incident;

import java.time.Instant;

/** A ticket URL was linked to an incident ({@code url} null: the link was removed). */
public record IncidentTicketLinked(long incidentId, String number, String actor, Instant at, String url)
        implements IncidentEvent {
}
