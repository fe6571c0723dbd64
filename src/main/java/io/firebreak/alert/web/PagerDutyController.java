package io.firebreak.alert.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.alert.AlertLink;
import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.internal.AlertCommand;
import io.firebreak.alert.internal.AlertMapping;
import io.firebreak.alert.internal.AlertWriter;
import io.firebreak.alert.internal.IntegrationRecord;
import io.firebreak.alert.internal.IntegrationRepository;
import io.firebreak.alert.internal.Keys;
import io.firebreak.alert.internal.OverloadedException;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty Events API v2 ({@code /v2/enqueue}) and change events ({@code /v2/change/enqueue}),
 * answering as PagerDuty does: 202 {status, message, dedup_key} after the commit; 400
 * {status: "invalid event", message: "Event object is invalid", errors: [...]} for bad events and
 * unknown routing keys; 413 for oversized bodies; 429 (with Retry-After) when over the limit.
 * {@code routing_key} is the integration key; {@code dedup_key} is the alert's fingerprint.
 */
@RestController
class PagerDutyController {

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private final IntegrationRepository integrations;
    private final AlertWriter writer;
    private final AlertMapping mapping;
    private final AlertManagement alerts;
    private final Clock clock;
    private final int maxBytes;

    PagerDutyController(IntegrationRepository integrations, AlertWriter writer, AlertMapping mapping,
            AlertManagement alerts, Clock clock, @Value("${firebreak.alert.max-body-bytes:1048576}") int maxBytes) {
        this.integrations = integrations;
        this.writer = writer;
        this.mapping = mapping;
        this.alerts = alerts;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @PostMapping("/v2/enqueue")
    ResponseEntity<Map<String, Object>> enqueue(HttpServletRequest request) {
        JsonNode body = Payloads.parse(Payloads.read(request, maxBytes));
        if (!body.isObject()) {
            throw invalid("Event object must be a JSON object");
        }
        List<String> errors = new ArrayList<>();
        String routingKey = text(body, "routing_key", errors, true, 200);
        String action = text(body, "event_action", errors, true, 32);
        String dedupKey = text(body, "dedup_key", errors, false, 255);
        if (action != null && !Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' is invalid (must be one of trigger, acknowledge, resolve)");
        }
        if (action != null && !action.equals("trigger") && dedupKey == null && errors.isEmpty()) {
            errors.add("'dedup_key' is missing or blank");
        }
        JsonNode payload = body.get("payload");
        boolean trigger = "trigger".equals(action);
        String summary = null;
        String source = null;
        String severity = null;
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        List<AlertLink> links = new ArrayList<>();
        Instant timestamp = null;
        if (trigger) {
            if (payload == null || payload.isNull()) {
                errors.add("'payload' is missing");
            } else if (!payload.isObject()) {
                errors.add("'payload' must be an object");
            } else {
                summary = text(payload, "summary", errors, true, 100_000, "payload.summary");
                source = text(payload, "source", errors, true, 255, "payload.source");
                severity = text(payload, "severity", errors, true, 32, "payload.severity");
                if (severity != null && !SEVERITIES.contains(severity)) {
                    errors.add("'payload.severity' is invalid (must be one of critical, error, warning, info)");
                }
                for (String f : List.of("component", "group", "class")) {
                    String v = text(payload, f, errors, false, 255, "payload." + f);
                    if (v != null) {
                        labels.put(f, v);
                    }
                }
                String ts = text(payload, "timestamp", errors, false, 64, "payload.timestamp");
                if (ts != null) {
                    try {
                        timestamp = java.time.OffsetDateTime.parse(ts).toInstant();
                    } catch (java.time.format.DateTimeParseException e) {
                        errors.add("'payload.timestamp' is invalid (must be ISO 8601)");
                    }
                }
                JsonNode details = payload.get("custom_details");
                if (details != null && !details.isNull()) {
                    annotations.put("custom_details",
                            Payloads.truncate(details.isString() ? details.asString() : details.toString(),
                                    Payloads.MAX_LABEL_VALUE));
                }
            }
            links(body, errors, links);
        }
        if (!errors.isEmpty()) {
            throw new PagerDutyError(errors);
        }
        IntegrationRecord integration = integrations.findActiveByKey(routingKey)
                .filter(i -> i.view().type() != AlertSource.PROBE && i.signingSecret() == null)
                .orElseThrow(() -> invalid("Invalid routing key"));
        IntegrationView view = integration.view();
        if (dedupKey == null) {
            dedupKey = Keys.randomHex(16);
        }
        AlertCommand command;
        if (trigger) {
            labels.put("source", source);
            labels.put("severity", severity);
            command = new AlertCommand(view.id(), dedupKey, AlertCommand.Action.FIRE, null,
                    Payloads.truncate(summary, 1024), null, severity, mapping.level(view, severity),
                    mapping.service(view, labels), labels, annotations, links, timestamp, null, null,
                    Payloads.payload(body));
        } else {
            command = new AlertCommand(view.id(), dedupKey,
                    action.equals("resolve") ? AlertCommand.Action.RESOLVE : AlertCommand.Action.ACKNOWLEDGE, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
        }
        writer.write(List.of(command));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("message", "Event processed");
        answer.put("dedup_key", dedupKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @PostMapping("/v2/change/enqueue")
    ResponseEntity<Map<String, Object>> change(HttpServletRequest request) {
        JsonNode body = Payloads.parse(Payloads.read(request, maxBytes));
        if (!body.isObject()) {
            throw invalid("Event object must be a JSON object");
        }
        List<String> errors = new ArrayList<>();
        String routingKey = text(body, "routing_key", errors, true, 200);
        JsonNode payload = body.get("payload");
        String summary = null;
        String source = null;
        Instant at = clock.instant();
        String details = null;
        if (payload == null || !payload.isObject()) {
            errors.add("'payload' is missing or not an object");
        } else {
            summary = text(payload, "summary", errors, true, 1024, "payload.summary");
            source = text(payload, "source", errors, false, 255, "payload.source");
            String ts = text(payload, "timestamp", errors, false, 64, "payload.timestamp");
            if (ts != null) {
                try {
                    at = java.time.OffsetDateTime.parse(ts).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add("'payload.timestamp' is invalid (must be ISO 8601)");
                }
            }
            JsonNode d = payload.get("custom_details");
            if (d != null && !d.isNull()) {
                details = Payloads.truncate(d.isString() ? d.asString() : d.toString(), 20_000);
            }
        }
        List<AlertLink> links = new ArrayList<>();
        links(body, errors, links);
        if (!errors.isEmpty()) {
            throw new PagerDutyError(errors);
        }
        IntegrationView view = integrations.findActiveByKey(routingKey)
                .filter(i -> i.view().type() != AlertSource.PROBE && i.signingSecret() == null)
                .map(IntegrationRecord::view).orElseThrow(() -> invalid("Invalid routing key"));
        Map<String, String> labels = source == null ? Map.of() : Map.of("source", source);
        alerts.recordChange(view.id(), summary, source, at, mapping.service(view, labels), links, details);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("status", "success", "message", "Change event processed"));
    }

    private static void links(JsonNode body, List<String> errors, List<AlertLink> links) {
        for (String field : List.of("links", "images")) {
            JsonNode arr = body.get(field);
            if (arr == null || arr.isNull()) {
                continue;
            }
            if (!arr.isArray()) {
                errors.add("'" + field + "' must be an array");
                continue;
            }
            for (int i = 0; i < arr.size() && i < 50; i++) {
                JsonNode l = arr.get(i);
                if (!l.isObject()) {
                    errors.add("'" + field + "[" + i + "]' must be an object");
                    continue;
                }
                if (field.equals("links")) {
                    Payloads.link(links, l.path("href").asString(null), l.path("text").asString(null));
                } else {
                    String href = l.path("href").asString(null);
                    Payloads.link(links, href != null ? href : l.path("src").asString(null),
                            l.path("alt").asString("Image"));
                }
            }
        }
    }

    private static String text(JsonNode node, String name, List<String> errors, boolean required, int max) {
        return text(node, name, errors, required, max, name);
    }

    private static String text(JsonNode node, String name, List<String> errors, boolean required, int max,
            String path) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull() || (n.isString() && n.asString().isBlank())) {
            if (required) {
                errors.add("'" + path + "' is missing or blank");
            }
            return null;
        }
        if (!n.isString()) {
            errors.add("'" + path + "' must be a string");
            return null;
        }
        if (n.asString().length() > max) {
            errors.add("'" + path + "' is too long (max " + max + " chars)");
            return null;
        }
        return n.asString();
    }

    private static PagerDutyError invalid(String error) {
        return new PagerDutyError(List.of(error));
    }

    @ExceptionHandler(PagerDutyError.class)
    ResponseEntity<Map<String, Object>> invalidEvent(PagerDutyError e) {
        return ResponseEntity.badRequest().body(Map.of("status", "invalid event", "message", "Event object is invalid",
                "errors", e.errors));
    }

    @ExceptionHandler(IngestionException.class)
    ResponseEntity<Map<String, Object>> refused(IngestionException e) {
        return ResponseEntity.status(e.status()).body(Map.of("status", "invalid event", "message",
                "Event object is invalid", "errors", List.of(e.getMessage())));
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<Map<String, Object>> overloaded(OverloadedException e) {
        return ResponseEntity.status(e.queueFull() ? 429 : 503).header("Retry-After", "1")
                .body(Map.of("status", "throttle event", "message", e.getMessage()));
    }

    static final class PagerDutyError extends RuntimeException {

        final List<String> errors;

        PagerDutyError(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }
    }
}
