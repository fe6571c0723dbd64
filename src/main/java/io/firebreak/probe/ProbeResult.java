package io.firebreak.probe;

import java.time.Instant;

/**
 * One run of a health check: when, whether it passed, how long it took, the HTTP status (null for
 * TCP or when no answer came) and why it failed (null when it passed).
 */
public record ProbeResult(long id, long checkId, Instant at, boolean ok, Long latencyMs, Integer statusCode,
        String error) {
}
