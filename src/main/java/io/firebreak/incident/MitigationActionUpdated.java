package io.firebreak.incident;

import java.time.Instant;

/** The outcome of a mitigation action was updated. */
public record MitigationActionUpdated(long incidentId, String number, String actor, Instant at, long actionId,
        MitigationKind kind, String description, ActionOutcome outcome, String outcomeNote) implements IncidentEvent {
}
