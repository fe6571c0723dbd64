package io.firebreak.alert.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The ingestion URLs of an integration, as shown once with its key. */
final class IngestionUrls {

    private IngestionUrls() {
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    static Map<String, String> of(String key) {
        String base = base();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("alertmanager", base + "/api/v1/integrations/" + key + "/alertmanager");
        urls.put("grafana", base + "/api/v1/integrations/" + key + "/grafana");
        urls.put("events", base + "/api/v1/integrations/" + key + "/events");
        urls.put("prometheus", base + "/api/v2/alerts");
        urls.put("pagerduty", base + "/v2/enqueue");
        urls.put("pagerdutyChange", base + "/v2/change/enqueue");
        return urls;
    }
}
