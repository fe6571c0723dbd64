package io.firebreak.incident;

import java.time.Instant;

/** A mitigation action was recorded on an incident. */
public record MitigationActionRecorded(long incidentId, String number, String actor, Instant at, long actionId,
        MitigationKind kind, String description, ActionOutcome outcome, String outcomeNote) implements IncidentEvent {
}
