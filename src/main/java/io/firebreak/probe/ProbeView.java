package io.firebreak.probe;

import java.time.Instant;

/**
 * One health check with its definition and current state. {@code alerting} is true while its alert
 * fires; {@code lastOk}, {@code lastLatencyMs}, {@code lastStatusCode} and {@code lastError} describe
 * the latest run (null before the first). {@code fingerprint} is the alert fingerprint it raises.
 */
public record ProbeView(long id, String name, ProbeType type, long serviceId, String levelCode, String url,
        String method, String expectedStatus, String bodyContains, Integer latencyLimitMs, String host, Integer port,
        int timeoutMs, int intervalSeconds, int failureThreshold, int successThreshold, boolean enabled,
        ProbeState state, boolean alerting, int consecutiveFailures, int consecutiveSuccesses, Instant nextRunAt,
        Instant lastRunAt, Boolean lastOk, Long lastLatencyMs, Integer lastStatusCode, String lastError,
        Instant createdAt, String fingerprint) {

    /** What the check probes, for lists: the URL or host:port. */
    public String target() {
        return type == ProbeType.HTTP ? url : host + ":" + port;
    }
}
