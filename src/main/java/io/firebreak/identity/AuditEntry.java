package io.firebreak.identity;

import java.time.Instant;

/** One recorded change: who did what to which record, when, with JSON of its state before and after. */
public record AuditEntry(long id, Instant at, String actor, String entityType, String entityId, String action,
        String beforeJson, String afterJson) {
}
