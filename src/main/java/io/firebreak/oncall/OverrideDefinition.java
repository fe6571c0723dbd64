package io.firebreak.oncall;

import java.time.Instant;

/** User {@code userId} covers the schedule from {@code start} (inclusive) to {@code end} (exclusive). */
public record OverrideDefinition(Long userId, Instant start, Instant end) {
}
