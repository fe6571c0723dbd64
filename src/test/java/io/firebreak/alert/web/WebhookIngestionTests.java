package io.firebreak.alert.web;

import static io.firebreak.alert.AlertTestSupport.alertsOf;
import static io.firebreak.alert.AlertTestSupport.feedOf;
import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static io.firebreak.alert.AlertTestSupport.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.TransitionKind;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;

@FirebreakTest
class WebhookIngestionTests {

    @Autowired ApiClient api;
    @Autowired AlertManagement alerts;

    @Test
    void alertmanagerWebhookStoresFiresAndResolvesByPerAlertStatus() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        long head = alerts.feedHead();
        String fp = unique("fp");
        var res = post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager",
                webhook("firing", fp, "HighLatency", null));
        assertThat(res.status()).isEqualTo(200);
        List<AlertView> stored = alertsOf(alerts, integ.integration().id());
        assertThat(stored).hasSize(1);
        AlertView a = stored.get(0);
        assertThat(a.fingerprint()).isEqualTo(fp);
        assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(a.title()).isEqualTo("Checkout latency is high");
        assertThat(a.description()).isEqualTo("p99 above 2s");
        assertThat(a.groupKey()).isEqualTo("{}:{alertname=\"HighLatency\"}");
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.levelCode()).isEqualTo("P1");
        assertThat(a.labels()).containsEntry("instance", "web-1:9100");
        assertThat(a.links()).extracting(l -> l.href()).contains("http://prometheus.example:9090/graph?g0.expr=latency",
                "https://runbooks.example/latency");
        assertThat(a.fireCount()).isEqualTo(1);
        assertThat(a.source()).isEqualTo(AlertSource.ALERTMANAGER);
        assertThat(feedOf(alerts, head, a.id())).extracting(e -> e.kind()).containsExactly(TransitionKind.FIRED);

        // The same notification again (Alertmanager's repeat_interval): only last seen and the count change.
        var again = post(api, "/api/v1/integrations/alertmanager", webhook("firing", fp, "HighLatency", null),
                "Authorization", "Bearer " + integ.key());
        assertThat(again.status()).isEqualTo(200);
        AlertView after = alerts.get(a.id());
        assertThat(after.fireCount()).isEqualTo(2);
        assertThat(after).usingRecursiveComparison().ignoringFields("fireCount", "lastSeenAt").isEqualTo(a);
        assertThat(feedOf(alerts, head, a.id())).hasSize(1);

        // Resolved by its own status, even though nothing else changed.
        assertThat(post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager",
                webhook("resolved", fp, "HighLatency", null)).status()).isEqualTo(200);
        AlertView resolved = alerts.get(a.id());
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(feedOf(alerts, head, a.id())).extracting(e -> e.kind())
                .containsExactly(TransitionKind.FIRED, TransitionKind.RESOLVED);

        // A resolved notification repeated changes nothing; firing again after resolving is a new FIRED entry.
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("resolved", fp, "HighLatency", null));
        assertThat(feedOf(alerts, head, a.id())).hasSize(2);
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("firing", fp, "HighLatency", null));
        assertThat(alerts.get(a.id()).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(feedOf(alerts, head, a.id())).extracting(e -> e.kind())
                .containsExactly(TransitionKind.FIRED, TransitionKind.RESOLVED, TransitionKind.FIRED);
        assertThat(alertsOf(alerts, integ.integration().id())).hasSize(1);
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneFingerprintGiveOneAlert() throws Exception {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        long head = alerts.feedHead();
        String fp = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager",
                        webhook("firing", fp, "Race", null)).status();
            }));
        }
        start.countDown();
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        List<AlertView> stored = alertsOf(alerts, integ.integration().id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).fireCount()).isEqualTo(50);
        assertThat(feedOf(alerts, head, stored.get(0).id())).hasSize(1);
    }

    @Test
    void oneBatchHoldingTheSameFingerprintTwiceIsMergedInOrder() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        String fp = unique("twice");
        String body = """
                {"version":"4","groupKey":"g","status":"resolved","alerts":[
                 {"status":"firing","labels":{"alertname":"A"},"annotations":{},"fingerprint":"%1$s"},
                 {"status":"resolved","labels":{"alertname":"A"},"annotations":{},"fingerprint":"%1$s"}]}
                """.formatted(fp);
        long head = alerts.feedHead();
        assertThat(post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", body).status()).isEqualTo(200);
        List<AlertView> stored = alertsOf(alerts, integ.integration().id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(feedOf(alerts, head, stored.get(0).id())).extracting(e -> e.kind())
                .containsExactly(TransitionKind.FIRED, TransitionKind.RESOLVED);
    }

    @Test
    void genericJsonEventsAreStoredWithTheirDedupKey() {
        var integ = integration(alerts, AlertSource.GENERIC);
        String body = """
                {"title":"Disk almost full","description":"95% used on db-1","severity":"warning",
                 "dedupKey":"disk-db-1","status":"firing","labels":{"host":"db-1"},
                 "links":[{"href":"https://grafana.example/d/disk","text":"Dashboard"},{"href":"javascript:alert(1)"}]}
                """;
        var res = post(api, "/api/v1/integrations/" + integ.key() + "/events", body);
        assertThat(res.status()).isEqualTo(202);
        assertThat(res.body().get("dedupKey").asString()).isEqualTo("disk-db-1");
        AlertView a = alerts.get(res.body().get("alertId").asLong());
        assertThat(a.title()).isEqualTo("Disk almost full");
        assertThat(a.levelCode()).isEqualTo("P3");
        assertThat(a.links()).extracting(l -> l.href()).containsExactly("https://grafana.example/d/disk");
        var resolved = post(api, "/api/v1/integrations/" + integ.key() + "/events",
                "{\"title\":\"Disk almost full\",\"dedupKey\":\"disk-db-1\",\"status\":\"resolved\"}");
        assertThat(resolved.status()).isEqualTo(202);
        assertThat(alerts.get(a.id()).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void badInputIsRefusedWith4xxAndNothingIsStored() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        String url = "/api/v1/integrations/" + integ.key() + "/alertmanager";
        String validFirst = """
                {"version":"4","alerts":[
                 {"status":"firing","labels":{"alertname":"A"},"fingerprint":"ok-1"},
                 {"status":"maybe","labels":{"alertname":"B"},"fingerprint":"bad-2"}]}
                """;
        var half = post(api, url, validFirst);
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.body().get("field").asString()).isEqualTo("alerts[1].status");
        assertThat(post(api, url, "{not json").status()).isEqualTo(400);
        assertThat(post(api, url, "").status()).isEqualTo(400);
        assertThat(post(api, url, "[]").status()).isEqualTo(400);
        assertThat(post(api, url, "{\"version\":\"4\"}").body().get("field").asString()).isEqualTo("alerts");
        assertThat(post(api, url, "{\"alerts\":\"x\"}").status()).isEqualTo(400);
        var wrongType = post(api, url, "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":{\"b\":1}}}]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("field").asString()).isEqualTo("alerts[0].labels.a");
        assertThat(post(api, url, "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"b\"},\"startsAt\":\"yesterday\"}]}")
                .status()).isEqualTo(400);
        var huge = post(api, url, "{\"alerts\":[],\"pad\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(post(api, "/api/v1/integrations/nope/alertmanager", webhook("firing", "x", "A", null)).status())
                .isEqualTo(401);
        assertThat(post(api, "/api/v1/integrations/alertmanager", webhook("firing", "x", "A", null)).status())
                .isEqualTo(401);
        assertThat(post(api, "/api/v2/alerts", "[]", "Authorization", "Bearer nope").status()).isEqualTo(401);
        assertThat(post(api, "/api/v1/integrations/" + integ.key() + "/events", "{\"title\":5}").status())
                .isEqualTo(400);
        assertThat(alertsOf(alerts, integ.integration().id())).isEmpty();
    }

    @Test
    void aRevokedOrRotatedKeyStopsWorkingAtOnce() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        String oldUrl = "/api/v1/integrations/" + integ.key() + "/alertmanager";
        assertThat(post(api, oldUrl, webhook("firing", unique("r"), "A", null)).status()).isEqualTo(200);
        var rotated = alerts.rotateKey(integ.integration().id(), "test");
        assertThat(post(api, oldUrl, webhook("firing", unique("r"), "A", null)).status()).isEqualTo(401);
        String newUrl = "/api/v1/integrations/" + rotated.key() + "/alertmanager";
        assertThat(post(api, newUrl, webhook("firing", unique("r"), "A", null)).status()).isEqualTo(200);
        alerts.revokeIntegration(integ.integration().id(), "test");
        assertThat(post(api, newUrl, webhook("firing", unique("r"), "A", null)).status()).isEqualTo(401);
        assertThat(alertsOf(alerts, integ.integration().id())).hasSize(2);
    }
}
