package io.firebreak.alert;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;

/** Helpers for alert tests: integrations with unique names, raw deliveries, and the alerts of one integration. */
public final class AlertTestSupport {

    private AlertTestSupport() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static IssuedIntegration integration(AlertManagement alerts, AlertSource type) {
        return integration(alerts, type, null, null);
    }

    public static IssuedIntegration integration(AlertManagement alerts, AlertSource type, Long serviceId,
            String secret) {
        return alerts.createIntegration(new IntegrationDefinition(unique(type.name()), type, serviceId, null, null,
                null, null, true, secret), "test");
    }

    public static ApiClient.Response post(ApiClient api, String path, String body, String... headers) {
        var req = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        return api.send(req);
    }

    public static List<AlertView> alertsOf(AlertManagement alerts, long integrationId) {
        return alerts.search(new AlertFilter(null, null, integrationId, null, Map.of(), null), new PageRequest(0, 200))
                .items();
    }

    public static List<AlertFeedEntry> feedOf(AlertManagement alerts, long sinceSeq, long alertId) {
        return alerts.feedAfter(sinceSeq, 10_000).stream().filter(e -> e.alert().id() == alertId).toList();
    }

    /** An Alertmanager webhook v4 notification with one alert, as Alertmanager 0.25 sends it. */
    public static String webhook(String status, String fingerprint, String alertname, String extraLabels) {
        return """
                {
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"%3$s\\"}",
                  "truncatedAlerts": 0,
                  "status": "%1$s",
                  "receiver": "firebreak",
                  "groupLabels": {"alertname": "%3$s"},
                  "commonLabels": {"alertname": "%3$s", "severity": "critical"},
                  "commonAnnotations": {"summary": "Checkout latency is high"},
                  "externalURL": "http://alertmanager.example:9093",
                  "alerts": [
                    {
                      "status": "%1$s",
                      "labels": {"alertname": "%3$s", "severity": "critical", "instance": "web-1:9100"%4$s},
                      "annotations": {"summary": "Checkout latency is high", "description": "p99 above 2s", "runbook_url": "https://runbooks.example/latency"},
                      "startsAt": "2026-11-22T01:00:00Z",
                      "endsAt": "%5$s",
                      "generatorURL": "http://prometheus.example:9090/graph?g0.expr=latency",
                      "fingerprint": "%2$s"
                    }
                  ]
                }
                """.formatted(status, fingerprint, alertname, extraLabels == null ? "" : extraLabels,
                status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-11-22T01:30:00Z");
    }
}
