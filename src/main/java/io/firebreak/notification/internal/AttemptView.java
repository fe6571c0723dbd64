package io.firebreak.notification.internal;

import java.time.Instant;

/** One delivery attempt of a message as the ledger shows it. */
public record AttemptView(long id, long messageId, Instant at, Integer statusCode, String response, String error,
        long durationMs) {
}
