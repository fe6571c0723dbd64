package io.firebreak.incident;

import java.time.Instant;

/** A mitigation action taken on an incident and how it turned out. */
public record MitigationActionView(long id, MitigationKind kind, String description, ActionOutcome outcome,
        String outcomeNote, String by, Instant at, Instant updatedAt) {
}
