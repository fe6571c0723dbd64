package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/** Title, description, affected services or impact summary changed; {@code fields} names which. */
public record IncidentDetailsUpdated(long incidentId, String number, String actor, Instant at, List<String> fields)
        implements IncidentEvent {
}
