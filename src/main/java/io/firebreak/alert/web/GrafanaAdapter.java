package io.firebreak.alert.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertLink;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.AlertMapping;
import tools.jackson.databind.JsonNode;

/**
 * Grafana unified alerting webhook (version "1"): the Alertmanager shape plus per-alert
 * {@code dashboardURL}, {@code panelURL}, {@code silenceURL} (kept as links) and {@code values} /
 * {@code valueString} (kept as annotations). HMAC checking happens in the controller.
 */
@Component
class GrafanaAdapter extends AlertmanagerWebhookAdapter {

    GrafanaAdapter(AlertMapping mapping) {
        super(mapping);
    }

    @Override
    public AlertSource format() {
        return AlertSource.GRAFANA;
    }

    @Override
    void extras(JsonNode alert, String path, Map<String, String> annotations, List<AlertLink> links) {
        Payloads.link(links, Payloads.string(alert, "dashboardURL", path + ".dashboardURL", false, 4000), "Dashboard");
        Payloads.link(links, Payloads.string(alert, "panelURL", path + ".panelURL", false, 4000), "Panel");
        Payloads.link(links, Payloads.string(alert, "silenceURL", path + ".silenceURL", false, 4000), "Silence");
        JsonNode values = alert.get("values");
        if (values != null && !values.isNull()) {
            if (!values.isObject()) {
                throw IngestionException.invalid(path + ".values", "must be an object");
            }
            annotations.put("values", Payloads.truncate(values.toString(), Payloads.MAX_LABEL_VALUE));
        }
        String valueString = Payloads.string(alert, "valueString", path + ".valueString", false, 100_000);
        if (valueString != null) {
            annotations.put("valueString", Payloads.truncate(valueString, Payloads.MAX_LABEL_VALUE));
        }
    }
}
