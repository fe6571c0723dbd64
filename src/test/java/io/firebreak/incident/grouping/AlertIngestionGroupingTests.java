package io.firebreak.incident.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.GroupingMode;
import io.firebreak.alert.GroupingPolicy;
import io.firebreak.alert.IntegrationDefinition;
import io.firebreak.alert.IssuedIntegration;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.timeline.TimelineEntryView;
import io.firebreak.timeline.TimelineManagement;

/**
 * Alerts posted to the real ingestion endpoints (Alertmanager webhook, generic JSON) become
 * incidents: one per group with the right count and timeline, nothing new on a re-sent
 * notification, RESOLVED once every alert resolved.
 */
@FirebreakTest
class AlertIngestionGroupingTests {

    @Autowired ApiClient api;
    @Autowired AlertManagement alerts;
    @Autowired IncidentManagement incidents;
    @Autowired TimelineManagement timeline;
    @Autowired GroupingWorker worker;
    @Autowired GroupingStore store;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private IssuedIntegration integration(AlertSource type, GroupingPolicy grouping) {
        return alerts.createIntegration(new IntegrationDefinition(unique(type.name()), type, null, null, null, null,
                grouping, true, null), "test");
    }

    private void drain() {
        while (worker.runOnce() > 0) {
            // next batch
        }
    }

    private ApiClient.Response post(String path, String body) {
        var res = api.send(java.net.http.HttpRequest.newBuilder(api.uri(path)).header("Content-Type",
                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(res.status()).as(res.raw()).isBetween(200, 299);
        return res;
    }

    private List<AlertView> alertsOf(long integrationId) {
        return alerts.search(new io.firebreak.alert.AlertFilter(null, null, integrationId, null, Map.of(), null),
                new io.firebreak.shared.PageRequest(0, 100)).items();
    }

    private static String webhook(String status, String groupKey, String alertname, String... fingerprints) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < fingerprints.length; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"status": "%1$s", "labels": {"alertname": "%2$s", "severity": "critical", "instance": "web-%3$d"},
                     "annotations": {"summary": "%2$s on web-%3$d"}, "startsAt": "2026-11-22T01:00:00Z",
                     "endsAt": "%4$s", "generatorURL": "http://prometheus.example/graph", "fingerprint": "%5$s"}
                    """.formatted(status, alertname, i, status.equals("firing") ? "0001-01-01T00:00:00Z"
                    : "2026-11-22T01:30:00Z", fingerprints[i]));
        }
        return """
                {"version": "4", "groupKey": "%s", "truncatedAlerts": 0, "status": "%s", "receiver": "firebreak",
                 "groupLabels": {"alertname": "%s"}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager.example:9093", "alerts": [%s]}
                """.formatted(groupKey.replace("\"", "\\\""), status, alertname, items);
    }

    @Test
    void alertmanagerGroupBecomesOneIncidentAndResolvesWithIt() {
        IssuedIntegration am = integration(AlertSource.ALERTMANAGER, null);
        String alertname = unique("HighErrorRate");
        String group = "{}:{alertname=\"" + alertname + "\"}";
        String fp1 = unique("a"), fp2 = unique("b"), fp3 = unique("c");
        String path = "/api/v1/integrations/" + am.key() + "/alertmanager";
        post(path, webhook("firing", group, alertname, fp1, fp2));
        drain();
        post(path, webhook("firing", group, alertname, fp1, fp2, fp3));
        drain();

        List<AlertView> stored = alertsOf(am.integration().id());
        assertThat(stored).hasSize(3);
        List<Long> incidentIds = stored.stream().flatMap(a -> store.incidentsOf(a.id(), false).stream()).distinct()
                .toList();
        assertThat(incidentIds).hasSize(1);
        IncidentView incident = incidents.get(String.valueOf(incidentIds.get(0)));
        assertThat(incident.title()).startsWith("[FIRING:3] ");
        assertThat(incident.levelCode()).as("severity=critical mapped by the integration")
                .isEqualTo(stored.get(0).levelCode());
        assertThat(incidents.alertIdsOf(incident.number())).hasSize(3);
        List<TimelineEntryView> entries = timeline.entries(incident.id(), Locale.ENGLISH, ZoneOffset.UTC);
        // fp1 opened the incident; fp2 and fp3 joined in bulk passes, each with its own entry and counts.
        assertThat(entries).filteredOn(e -> e.kind().equals("ALERT_ATTACHED")).extracting(TimelineEntryView::text)
                .containsExactly("Opened by alert " + alertname + " on web-0",
                        "Alert " + alertname + " on web-1 joined (2 of 2 alerts firing)",
                        "Alert " + alertname + " on web-2 joined (3 of 3 alerts firing)");
        assertThat(entries).extracting(TimelineEntryView::actor).contains("alert:" + am.integration().name());

        // The same notification re-sent changes nothing on the incident.
        long version = incidents.versionOf(incident.id());
        post(path, webhook("firing", group, alertname, fp1, fp2, fp3));
        drain();
        assertThat(incidents.versionOf(incident.id())).isEqualTo(version);

        post(path, webhook("resolved", group, alertname, fp1, fp2));
        drain();
        assertThat(incidents.get(incident.number()).status()).isEqualTo(IncidentStatus.DETECTED);
        assertThat(incidents.get(incident.number()).title()).startsWith("[FIRING:1] ");
        post(path, webhook("resolved", group, alertname, fp3));
        drain();
        IncidentView resolved = incidents.get(incident.number());
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.title()).startsWith("[RESOLVED] ");
    }

    @Test
    void genericEventsGroupByServiceAndAlertnameWithFlapControl() {
        IssuedIntegration generic = integration(AlertSource.GENERIC, new GroupingPolicy(
                GroupingMode.SERVICE_AND_ALERTNAME, List.of(), Duration.ofHours(4), 2, Duration.ofMinutes(10), 3,
                false));
        String alertname = unique("DiskFull");
        String path = "/api/v1/integrations/" + generic.key() + "/events";
        String first = """
                {"title": "Disk full on db-1", "dedupKey": "%s-1", "status": "firing",
                 "labels": {"alertname": "%s", "host": "db-1"}}""".formatted(alertname, alertname);
        post(path, first);
        drain();
        AlertView alert = alertsOf(generic.integration().id()).get(0);
        assertThat(store.incidentsOf(alert.id(), false)).as("held by flap control").isEmpty();
        post(path, first.replace("\"firing\"", "\"resolved\""));
        post(path, first);
        drain();
        List<Long> opened = store.incidentsOf(alert.id(), false);
        assertThat(opened).as("second firing within the flap window").hasSize(1);

        post(path, """
                {"title": "Disk full on db-2", "dedupKey": "%s-2", "status": "firing",
                 "labels": {"alertname": "%s", "host": "db-2"}}""".formatted(alertname, alertname));
        drain();
        IncidentView incident = incidents.get(String.valueOf(opened.get(0)));
        assertThat(incidents.alertIdsOf(incident.number())).hasSize(2);
        assertThat(incident.title()).isEqualTo("[FIRING:2] Disk full on db-1");

        post(path, first.replace("\"firing\"", "\"resolved\""));
        post(path, """
                {"title": "Disk full on db-2", "dedupKey": "%s-2", "status": "resolved",
                 "labels": {"alertname": "%s", "host": "db-2"}}""".formatted(alertname, alertname));
        drain();
        assertThat(incidents.get(incident.number()).status()).as("auto-resolve off").isEqualTo(IncidentStatus.DETECTED);
        assertThat(timeline.entries(incident.id(), Locale.ENGLISH, ZoneOffset.UTC)).extracting(TimelineEntryView::text)
                .anyMatch(t -> t.contains("the incident stays open"));
    }
}
