package io.firebreak.probe;

/**
 * What an admin submits to create or replace a health check. {@code type} is "HTTP" or "TCP".
 * HTTP checks use {@code url}, {@code method} (GET or HEAD, default GET), {@code expectedStatus}
 * (comma-separated codes or classes such as "2xx" or "200,301"; default "2xx"), the optional
 * {@code bodyContains} and {@code latencyLimitMs}; TCP checks use {@code host} and {@code port}.
 * Defaults when null: timeout 5,000 ms, interval 60 s (at least 10), alert after 3 failures,
 * resolve after 2 successes, enabled.
 */
public record ProbeDefinition(String name, String type, Long serviceId, String levelCode, String url, String method,
        String expectedStatus, String bodyContains, Integer latencyLimitMs, String host, Integer port,
        Integer timeoutMs, Integer intervalSeconds, Integer failureThreshold, Integer successThreshold,
        Boolean enabled) {
}
