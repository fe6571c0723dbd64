package io.firebreak.incident;

import java.time.Instant;

/** The direct cause, root cause category or root cause of an incident was written down or changed. */
public record IncidentCauseUpdated(long incidentId, String number, String actor, Instant at, String directCause,
        RootCauseCategory rootCauseCategory, String rootCause) implements IncidentEvent {
}
