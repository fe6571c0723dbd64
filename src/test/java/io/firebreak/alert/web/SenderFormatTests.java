package io.firebreak.alert.web;

import static io.firebreak.alert.AlertTestSupport.alertsOf;
import static io.firebreak.alert.AlertTestSupport.feedOf;
import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.TransitionKind;
import io.firebreak.alert.internal.ExpiryWorker;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;

@FirebreakTest
class SenderFormatTests {

    @Autowired ApiClient api;
    @Autowired AlertManagement alerts;
    @Autowired MutableClock clock;
    @Autowired ExpiryWorker expiry;

    /** The array Prometheus 2.42 posts to an Alertmanager's /api/v2/alerts. */
    private static String prometheus(String alertname, String instance, Instant endsAt) {
        return """
                [{"labels":{"alertname":"%s","instance":"%s","job":"node","severity":"warning"},
                  "annotations":{"summary":"Instance %2$s down"},
                  "startsAt":"2026-11-22T01:00:00Z","endsAt":"%s",
                  "generatorURL":"http://prometheus.example:9090/graph?g0.expr=up+%%3D%%3D+0"}]
                """.formatted(alertname, instance, endsAt);
    }

    @Test
    void prometheusAlertsExpireUnlessRefreshedAndResolveAtOnceWithAPastEnd() {
        var integ = integration(alerts, AlertSource.PROMETHEUS);
        String bearer = "Bearer " + integ.key();
        String name = unique("InstanceDown");
        long head = alerts.feedHead();
        var res = post(api, "/api/v2/alerts", prometheus(name, "a:9100", clock.instant().plus(Duration.ofMinutes(4))),
                "Authorization", bearer);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.raw()).isEmpty();
        AlertView a = alertsOf(alerts, integ.integration().id()).get(0);
        assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(a.levelCode()).isEqualTo("P3");
        // Identity is the label set: the same labels again are the same alert, other labels another one.
        post(api, "/api/v2/alerts", prometheus(name, "a:9100", clock.instant().plus(Duration.ofMinutes(4))),
                "Authorization", bearer);
        post(api, "/api/v2/alerts", prometheus(name, "b:9100", clock.instant().plus(Duration.ofMinutes(4))),
                "Authorization", bearer);
        assertThat(alertsOf(alerts, integ.integration().id())).hasSize(2);
        assertThat(alerts.get(a.id()).fireCount()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        expiry.runOnce();
        assertThat(alerts.get(a.id()).status()).isEqualTo(AlertStatus.FIRING);
        // b is refreshed; a is not and expires.
        post(api, "/api/v2/alerts", prometheus(name, "b:9100", clock.instant().plus(Duration.ofMinutes(4))),
                "Authorization", bearer);
        clock.advance(Duration.ofMinutes(3));
        expiry.runOnce();
        assertThat(alerts.get(a.id()).status()).isEqualTo(AlertStatus.RESOLVED);
        AlertView b = alertsOf(alerts, integ.integration().id()).stream().filter(x -> x.id() != a.id()).findFirst()
                .orElseThrow();
        assertThat(b.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(feedOf(alerts, head, a.id())).extracting(e -> e.kind())
                .containsExactly(TransitionKind.FIRED, TransitionKind.RESOLVED);
        // A second pass finds nothing more to do.
        expiry.runOnce();
        assertThat(feedOf(alerts, head, a.id())).hasSize(2);

        // endsAt in the past resolves at once.
        post(api, "/api/v2/alerts", prometheus(name, "b:9100", clock.instant().minusSeconds(1)), "Authorization",
                bearer);
        assertThat(alerts.get(b.id()).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(feedOf(alerts, head, b.id())).extracting(e -> e.kind())
                .containsExactly(TransitionKind.FIRED, TransitionKind.RESOLVED);
    }

    @Test
    void timesAreStoredToTheMicrosecondNearTheEarliestAndFarAhead() {
        var integ = integration(alerts, AlertSource.PROMETHEUS);
        String name = unique("Clocks");
        var res = post(api, "/api/v2/alerts", """
                [{"labels":{"alertname":"%1$s","instance":"a"},"startsAt":"1971-01-01T00:00:00.000001Z",
                  "endsAt":"2999-12-31T23:59:59.123456Z"},
                 {"labels":{"alertname":"%1$s","instance":"b"},"startsAt":"2026-11-22T01:00:00.999999+08:00",
                  "endsAt":"2999-01-01T00:00:00Z"}]""".formatted(name), "Authorization", "Bearer " + integ.key());
        assertThat(res.status()).isEqualTo(200);
        var stored = alertsOf(alerts, integ.integration().id());
        assertThat(stored).extracting(AlertView::startsAt).containsExactlyInAnyOrder(
                Instant.parse("1971-01-01T00:00:00.000001Z"), Instant.parse("2026-11-21T17:00:00.999999Z"));
        assertThat(stored).extracting(AlertView::endsAt).containsExactlyInAnyOrder(
                Instant.parse("2999-12-31T23:59:59.123456Z"), Instant.parse("2999-01-01T00:00:00Z"));
        assertThat(stored).allSatisfy(a -> assertThat(a.firstSeenAt()).isEqualTo(clock.instant()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    }

    @Test
    void pagerDutyTriggerAcknowledgeResolveAndGeneratedDedupKey() {
        var integ = integration(alerts, AlertSource.PAGERDUTY);
        long head = alerts.feedHead();
        String trigger = """
                {"routing_key":"%s","event_action":"trigger",
                 "payload":{"summary":"DISK at 99%% on machine prod-datapipe03.example.com","timestamp":"2026-11-22T01:00:00.000+00:00",
                  "severity":"critical","source":"prod-datapipe03.example.com","component":"mysql","group":"prod-datapipe",
                  "class":"disk","custom_details":{"free space":"1%%","ping time":"1500ms"}},
                 "links":[{"href":"https://example.com/","text":"Link text"}],
                 "images":[{"src":"https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png","href":"https://example.com/","alt":"Example text"}]}
                """.formatted(integ.key());
        var res = post(api, "/v2/enqueue", trigger);
        assertThat(res.status()).isEqualTo(202);
        assertThat(res.body().get("status").asString()).isEqualTo("success");
        assertThat(res.body().get("message").asString()).isEqualTo("Event processed");
        String dedup = res.body().get("dedup_key").asString();
        assertThat(dedup).isNotBlank();
        AlertView a = alertsOf(alerts, integ.integration().id()).get(0);
        assertThat(a.fingerprint()).isEqualTo(dedup);
        assertThat(a.levelCode()).isEqualTo("P1");
        assertThat(a.labels()).containsEntry("component", "mysql").containsEntry("source", "prod-datapipe03.example.com");
        assertThat(a.annotations().get("custom_details")).contains("free space");

        var ack = post(api, "/v2/enqueue", """
                {"routing_key":"%s","event_action":"acknowledge","dedup_key":"%s"}""".formatted(integ.key(), dedup));
        assertThat(ack.status()).isEqualTo(202);
        assertThat(ack.body().get("dedup_key").asString()).isEqualTo(dedup);
        assertThat(alerts.get(a.id()).acknowledged()).isTrue();
        var resolve = post(api, "/v2/enqueue", """
                {"routing_key":"%s","event_action":"resolve","dedup_key":"%s"}""".formatted(integ.key(), dedup));
        assertThat(resolve.status()).isEqualTo(202);
        assertThat(alerts.get(a.id()).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(feedOf(alerts, head, a.id())).extracting(e -> e.kind())
                .containsExactly(TransitionKind.FIRED, TransitionKind.ACKNOWLEDGED, TransitionKind.RESOLVED);

        // A trigger with its own dedup key is deduplicated by it.
        String mine = unique("dedup");
        String withKey = """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"x","source":"y","severity":"info"}}""".formatted(integ.key(), mine);
        assertThat(post(api, "/v2/enqueue", withKey).body().get("dedup_key").asString()).isEqualTo(mine);
        assertThat(post(api, "/v2/enqueue", withKey).status()).isEqualTo(202);
        assertThat(alertsOf(alerts, integ.integration().id())).hasSize(2);
    }

    @Test
    void pagerDutyRefusesInvalidEventsInItsOwnShape() {
        var integ = integration(alerts, AlertSource.PAGERDUTY);
        var missing = post(api, "/v2/enqueue", """
                {"routing_key":"%s","event_action":"trigger","payload":{"source":"y","severity":"fatal"}}"""
                .formatted(integ.key()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("status").asString()).isEqualTo("invalid event");
        assertThat(missing.body().get("message").asString()).isEqualTo("Event object is invalid");
        assertThat(missing.body().get("errors").toString()).contains("payload.summary").contains("payload.severity");
        var unknownKey = post(api, "/v2/enqueue", """
                {"routing_key":"nope","event_action":"trigger","payload":{"summary":"x","source":"y","severity":"info"}}""");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.body().get("errors").get(0).asString()).isEqualTo("Invalid routing key");
        assertThat(post(api, "/v2/enqueue", "{oops").status()).isEqualTo(400);
        assertThat(post(api, "/v2/enqueue", """
                {"routing_key":"%s","event_action":"explode"}""".formatted(integ.key())).status()).isEqualTo(400);
        assertThat(post(api, "/v2/enqueue", """
                {"routing_key":"%s","event_action":"resolve"}""".formatted(integ.key())).status()).isEqualTo(400);
        assertThat(alertsOf(alerts, integ.integration().id())).isEmpty();
    }

    @Test
    void pagerDutyChangeEventsAreStoredForTheirService() {
        var integ = integration(alerts, AlertSource.PAGERDUTY);
        Instant since = clock.instant().minusSeconds(1);
        var res = post(api, "/v2/change/enqueue", """
                {"routing_key":"%s","payload":{"summary":"Build success: Increase snapshot create timeout to 30 seconds",
                 "timestamp":"%s","source":"acme-build-pipeline-tool-default-i-9999",
                 "custom_details":{"build_state":"passed","build_number":"2"}},
                 "links":[{"href":"https://acme-pipeline-tool.com/builds/2","text":"View more details in Acme!"}]}
                """.formatted(integ.key(), clock.instant()));
        assertThat(res.status()).isEqualTo(202);
        assertThat(alerts.recentChanges(null, since)).anySatisfy(c -> {
            assertThat(c.integrationId()).isEqualTo(integ.integration().id());
            assertThat(c.summary()).startsWith("Build success");
            assertThat(c.links()).hasSize(1);
        });
    }

    @Test
    void grafanaSignaturesAreCheckedWhenTheIntegrationHasASecret() throws Exception {
        var integ = integration(alerts, AlertSource.GRAFANA, null, "s3cret-signing-key");
        String fp = unique("graf");
        String body = """
                {"receiver":"firebreak","status":"firing","orgId":1,
                 "alerts":[{"status":"firing","labels":{"alertname":"HighCPU","grafana_folder":"Infra","severity":"warning"},
                   "annotations":{"summary":"CPU above 90%%"},"startsAt":"2026-11-22T01:00:00Z","endsAt":"0001-01-01T00:00:00Z",
                   "generatorURL":"https://grafana.example/alerting/grafana/abc/view","fingerprint":"%s",
                   "silenceURL":"https://grafana.example/alerting/silence/new","dashboardURL":"https://grafana.example/d/abc",
                   "panelURL":"https://grafana.example/d/abc?viewPanel=2","values":{"B":93.5,"C":1},"valueString":"[ var='B' value=93.5 ]"}],
                 "groupLabels":{"alertname":"HighCPU"},"commonLabels":{"alertname":"HighCPU"},"commonAnnotations":{},
                 "externalURL":"https://grafana.example/","version":"1","groupKey":"{}:{alertname=\\"HighCPU\\"}",
                 "truncatedAlerts":0,"title":"[FIRING:1] HighCPU","state":"alerting","message":"CPU above 90%%"}
                """.formatted(fp);
        String url = "/api/v1/integrations/" + integ.key() + "/grafana";
        String now = String.valueOf(clock.instant().getEpochSecond());
        assertThat(post(api, url, body).status()).isEqualTo(401);
        assertThat(post(api, url, body, "X-Grafana-Alerting-Signature", sign("wrong", now, body),
                "X-Grafana-Alerting-Signature-Timestamp", now).status()).isEqualTo(401);
        String stale = String.valueOf(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(post(api, url, body, "X-Grafana-Alerting-Signature", sign("s3cret-signing-key", stale, body),
                "X-Grafana-Alerting-Signature-Timestamp", stale).status()).isEqualTo(401);
        // A signed delivery to another endpoint with this key is refused too.
        assertThat(post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", body).status()).isEqualTo(401);
        assertThat(alertsOf(alerts, integ.integration().id())).isEmpty();

        var ok = post(api, url, body, "X-Grafana-Alerting-Signature", sign("s3cret-signing-key", now, body),
                "X-Grafana-Alerting-Signature-Timestamp", now);
        assertThat(ok.status()).isEqualTo(200);
        List<AlertView> stored = alertsOf(alerts, integ.integration().id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).source()).isEqualTo(AlertSource.GRAFANA);
        assertThat(stored.get(0).links()).extracting(l -> l.text()).contains("Dashboard", "Panel", "Silence", "Source");
        assertThat(stored.get(0).annotations()).containsKey("values");
        assertThat(alerts.integration(integ.integration().id()).hasSigningSecret()).isTrue();
    }

    static String sign(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }
}
