package io.firebreak.alert.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertLink;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.internal.AlertCommand;
import io.firebreak.alert.internal.AlertMapping;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager webhook (version "4"): each entry of {@code alerts[]} is one alert identified by its
 * {@code fingerprint} (or, if a relay left it out, the hash of its labels); its own {@code status}
 * decides firing or resolved, {@code endsAt} is informational; {@code groupKey} is kept as the group.
 */
@Component
class AlertmanagerWebhookAdapter implements SenderAdapter {

    static final int MAX_ALERTS = 5000;

    private final AlertMapping mapping;

    AlertmanagerWebhookAdapter(AlertMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public AlertSource format() {
        return AlertSource.ALERTMANAGER;
    }

    @Override
    public List<AlertCommand> parse(JsonNode body, IntegrationView integration, Instant now) {
        if (!body.isObject()) {
            throw IngestionException.invalid("body", "must be a JSON object");
        }
        String groupKey = Payloads.string(body, "groupKey", "groupKey", false, 1000);
        JsonNode alerts = body.get("alerts");
        if (alerts == null || alerts.isNull()) {
            throw IngestionException.invalid("alerts", "is required");
        }
        if (!alerts.isArray()) {
            throw IngestionException.invalid("alerts", "must be an array");
        }
        if (alerts.size() > MAX_ALERTS) {
            throw IngestionException.invalid("alerts", "at most " + MAX_ALERTS + " alerts per request");
        }
        Map<String, String> commonAnnotations = body.has("commonAnnotations")
                ? Payloads.strings(body, "commonAnnotations", "commonAnnotations") : Map.of();
        List<AlertCommand> commands = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode a = alerts.get(i);
            String p = "alerts[" + i + "]";
            if (!a.isObject()) {
                throw IngestionException.invalid(p, "must be an object");
            }
            String status = Payloads.string(a, "status", p + ".status", true, 16);
            boolean firing = switch (status) {
                case "firing" -> true;
                case "resolved" -> false;
                default -> throw IngestionException.invalid(p + ".status", "must be firing or resolved");
            };
            Map<String, String> labels = Payloads.strings(a, "labels", p + ".labels");
            Map<String, String> annotations = Payloads.strings(a, "annotations", p + ".annotations");
            String fingerprint = Payloads.string(a, "fingerprint", p + ".fingerprint", false, 255);
            if (fingerprint == null) {
                if (labels.isEmpty()) {
                    throw IngestionException.invalid(p + ".fingerprint", "is required when there are no labels");
                }
                fingerprint = Payloads.labelHash(labels);
            }
            Instant startsAt = Payloads.time(a, "startsAt", p + ".startsAt");
            Instant endsAt = Payloads.time(a, "endsAt", p + ".endsAt");
            List<AlertLink> links = new ArrayList<>();
            Payloads.link(links, Payloads.string(a, "generatorURL", p + ".generatorURL", false, 4000), "Source");
            Payloads.link(links, annotations.get("runbook_url"), "Runbook");
            extras(a, p, annotations, links);
            String title = firstNonBlank(annotations.get("summary"), commonAnnotations.get("summary"),
                    labels.get("alertname"), fingerprint);
            String description = firstNonBlank(annotations.get("description"), annotations.get("message"), null, null);
            String severity = labels.get("severity");
            commands.add(new AlertCommand(integration.id(), fingerprint,
                    firing ? AlertCommand.Action.FIRE : AlertCommand.Action.RESOLVE, groupKey,
                    Payloads.truncate(title, 1000), Payloads.truncate(description, 10_000), Payloads.truncate(severity, 64),
                    mapping.level(integration, severity), mapping.service(integration, labels), labels, annotations,
                    links, startsAt, firing ? null : endsAt, null, Payloads.payload(a)));
        }
        return commands;
    }

    /** Sender-specific fields of one alert (Grafana's links and values). */
    void extras(JsonNode alert, String path, Map<String, String> annotations, List<AlertLink> links) {
    }

    static String firstNonBlank(String a, String b, String c, String d) {
        for (String s : new String[] { a, b, c, d }) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
