package io.firebreak.oncall;

import java.time.Instant;

/** A stored override; the two halves of a swap share {@code swapId}. */
public record OverrideView(long id, long scheduleId, long userId, String username, Instant start, Instant end,
        OverrideKind kind, String swapId, String createdBy, Instant createdAt) {
}
