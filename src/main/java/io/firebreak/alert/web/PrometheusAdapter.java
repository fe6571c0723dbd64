package io.firebreak.alert.web;

import java.time.Duration;
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
 * Alertmanager API v2 ({@code POST /api/v2/alerts}), what Prometheus sends: an array of
 * {labels, annotations, startsAt, endsAt, generatorURL}. Identity is the label set. As in
 * Alertmanager, {@code endsAt} in the future is an expiry (the alert resolves when it passes
 * without a refresh), in the past a resolution; without {@code endsAt} the expiry is now plus
 * {@link #RESOLVE_TIMEOUT} (Alertmanager's resolve_timeout).
 */
@Component
class PrometheusAdapter implements SenderAdapter {

    static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(5);

    private final AlertMapping mapping;

    PrometheusAdapter(AlertMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public AlertSource format() {
        return AlertSource.PROMETHEUS;
    }

    @Override
    public List<AlertCommand> parse(JsonNode body, IntegrationView integration, Instant now) {
        if (!body.isArray()) {
            throw IngestionException.invalid("body", "must be a JSON array of alerts");
        }
        if (body.size() > AlertmanagerWebhookAdapter.MAX_ALERTS) {
            throw IngestionException.invalid("body", "at most " + AlertmanagerWebhookAdapter.MAX_ALERTS + " alerts");
        }
        List<AlertCommand> commands = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonNode a = body.get(i);
            String p = "[" + i + "]";
            if (!a.isObject()) {
                throw IngestionException.invalid(p, "must be an object");
            }
            Map<String, String> labels = Payloads.strings(a, "labels", p + ".labels");
            if (labels.isEmpty()) {
                throw IngestionException.invalid(p + ".labels", "must have at least one label");
            }
            Map<String, String> annotations = Payloads.strings(a, "annotations", p + ".annotations");
            Instant startsAt = Payloads.time(a, "startsAt", p + ".startsAt");
            Instant endsAt = Payloads.time(a, "endsAt", p + ".endsAt");
            List<AlertLink> links = new ArrayList<>();
            Payloads.link(links, Payloads.string(a, "generatorURL", p + ".generatorURL", false, 4000), "Source");
            Payloads.link(links, annotations.get("runbook_url"), "Runbook");
            boolean resolved = endsAt != null && !endsAt.isAfter(now);
            String severity = labels.get("severity");
            String title = AlertmanagerWebhookAdapter.firstNonBlank(annotations.get("summary"), labels.get("alertname"),
                    null, null);
            String fingerprint = Payloads.labelHash(labels);
            commands.add(new AlertCommand(integration.id(), fingerprint,
                    resolved ? AlertCommand.Action.RESOLVE : AlertCommand.Action.FIRE, null,
                    Payloads.truncate(title == null ? fingerprint : title, 1000),
                    Payloads.truncate(annotations.get("description"), 10_000), Payloads.truncate(severity, 64),
                    mapping.level(integration, severity), mapping.service(integration, labels), labels, annotations,
                    links, startsAt, endsAt, resolved ? null : (endsAt != null ? endsAt : now.plus(RESOLVE_TIMEOUT)),
                    Payloads.payload(a)));
        }
        return commands;
    }
}
