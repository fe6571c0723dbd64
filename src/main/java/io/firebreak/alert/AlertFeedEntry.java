package io.firebreak.alert;

import java.time.Instant;

/**
 * One entry of the ordered, durable feed of alert transitions. {@code seq} increases strictly
 * in commit order as seen by {@link AlertManagement#feedAfter(long, int)}; a consumer keeps the
 * last seq it processed and asks for what follows. {@code alert} is the alert as it is now.
 */
public record AlertFeedEntry(long seq, TransitionKind kind, Instant at, AlertView alert) {
}
