package io.firebreak.alert.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.OverloadedException;
import io.firebreak.alert.internal.WriteResult;

/**
 * An ingestion endpoint's answer, the same whether {@link IngestionFilter} or
 * {@link IngestionController} serves the request: status, content type, extra headers and JSON
 * body ({@code null}: none). Refusals are RFC 9457 problem details naming the offending field.
 */
record IngestionAnswer(int status, String contentType, Map<String, String> headers, Map<String, Object> body) {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    /** After the commit: Prometheus gets Alertmanager's empty 200, the generic endpoint 202 with the dedup key. */
    static IngestionAnswer stored(AlertSource format, List<WriteResult> results) {
        return switch (format) {
            case PROMETHEUS -> new IngestionAnswer(200, null, Map.of(), null);
            case GENERIC -> new IngestionAnswer(202, JSON, Map.of(), Map.of("status", "success", "dedupKey",
                    results.get(0).fingerprint(), "alertId", results.get(0).alertId()));
            default -> new IngestionAnswer(200, JSON, Map.of(), Map.of("status", "success", "alerts", results.size()));
        };
    }

    /** 400 bad input, 401 unknown key or bad signature (with the challenge), 413 too large. */
    static IngestionAnswer refused(IngestionException e, String path) {
        Map<String, Object> body = problem(e.status(), e.title(), e.getMessage(), path);
        if (e.field() != null) {
            body.put("field", e.field());
            body.put("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        Map<String, String> headers = e.status() == 401
                ? Map.of("WWW-Authenticate", "Bearer realm=\"firebreak-integration\"") : Map.of();
        return new IngestionAnswer(e.status(), PROBLEM, headers, body);
    }

    /** 429 when the queue is full, 503 when the commit was too slow; both ask the sender to retry. */
    static IngestionAnswer refused(OverloadedException e, String path) {
        int status = e.queueFull() ? 429 : 503;
        return new IngestionAnswer(status, PROBLEM, Map.of("Retry-After", "1"),
                problem(status, e.queueFull() ? "Too many requests" : "Service unavailable", e.getMessage(), path));
    }

    /** A failure nobody foresaw: 500 without anything internal in the body. */
    static IngestionAnswer failed(String path) {
        return new IngestionAnswer(500, PROBLEM, Map.of(), problem(500, "Internal Server Error",
                "The alerts could not be stored; retry later.", path));
    }

    private static Map<String, Object> problem(int status, String title, String detail, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path);
        return body;
    }
}
