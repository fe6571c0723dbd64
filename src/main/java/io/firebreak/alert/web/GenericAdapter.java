package io.firebreak.alert.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertLink;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.internal.AlertCommand;
import io.firebreak.alert.internal.AlertMapping;
import io.firebreak.alert.internal.Json;
import io.firebreak.alert.internal.Keys;
import tools.jackson.databind.JsonNode;

/**
 * Firebreak's own JSON: {title, description, severity, dedupKey, status (firing|resolved), labels,
 * links [{href, text}]}. Without {@code dedupKey} the identity is the hash of title and labels.
 */
@Component
class GenericAdapter implements SenderAdapter {

    private final AlertMapping mapping;

    GenericAdapter(AlertMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public AlertSource format() {
        return AlertSource.GENERIC;
    }

    @Override
    public List<AlertCommand> parse(JsonNode body, IntegrationView integration, Instant now) {
        if (!body.isObject()) {
            throw IngestionException.invalid("body", "must be a JSON object");
        }
        String title = Payloads.string(body, "title", "title", true, 1000);
        String description = Payloads.string(body, "description", "description", false, 10_000);
        String severity = Payloads.string(body, "severity", "severity", false, 64);
        String status = Payloads.string(body, "status", "status", false, 16);
        boolean firing;
        if (status == null || status.toLowerCase(Locale.ROOT).equals("firing")) {
            firing = true;
        } else if (status.toLowerCase(Locale.ROOT).equals("resolved")) {
            firing = false;
        } else {
            throw IngestionException.invalid("status", "must be firing or resolved");
        }
        Map<String, String> labels = Payloads.strings(body, "labels", "labels");
        String dedupKey = Payloads.string(body, "dedupKey", "dedupKey", false, 255);
        if (dedupKey == null) {
            dedupKey = Keys.sha256(title + "\u0000" + Json.map(labels)).substring(0, 32);
        }
        List<AlertLink> links = new ArrayList<>();
        JsonNode l = body.get("links");
        if (l != null && !l.isNull()) {
            if (!l.isArray()) {
                throw IngestionException.invalid("links", "must be an array");
            }
            for (int i = 0; i < l.size() && i < 50; i++) {
                JsonNode link = l.get(i);
                if (!link.isObject()) {
                    throw IngestionException.invalid("links[" + i + "]", "must be an object");
                }
                Payloads.link(links, Payloads.string(link, "href", "links[" + i + "].href", true, 2000),
                        Payloads.string(link, "text", "links[" + i + "].text", false, 200));
            }
        }
        return List.of(new AlertCommand(integration.id(), dedupKey,
                firing ? AlertCommand.Action.FIRE : AlertCommand.Action.RESOLVE, null, title, description, severity,
                mapping.level(integration, severity), mapping.service(integration, labels), labels, Map.of(), links,
                null, null, null, Payloads.payload(body)));
    }
}
