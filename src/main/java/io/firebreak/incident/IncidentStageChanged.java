package io.firebreak.incident;

import java.time.Instant;

/** An incident moved forward in its lifecycle (acknowledge, investigate, mitigate, resolve, verify). */
public record IncidentStageChanged(long incidentId, String number, String actor, Instant at, IncidentStatus from,
        IncidentStatus to) implements IncidentEvent {
}
