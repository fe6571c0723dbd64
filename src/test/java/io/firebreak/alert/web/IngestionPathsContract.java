package io.firebreak.alert.web;

import static io.firebreak.alert.AlertTestSupport.alertsOf;
import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static io.firebreak.alert.AlertTestSupport.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.support.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What every ingestion endpoint answers, whichever path serves it: {@link DirectIngestionTests}
 * (the default, {@link IngestionFilter}) and {@link MvcIngestionTests} (Spring MVC) run the same
 * requests and expect the same statuses, bodies and stored alerts.
 */
abstract class IngestionPathsContract {

    @Autowired ApiClient api;
    @Autowired AlertManagement alerts;
    @Autowired MeterRegistry meters;

    /** Whether {@link IngestionFilter} is expected to serve (and time) the requests. */
    abstract boolean direct();

    @Test
    void storedAlertsAreAnsweredAsEachSenderExpects() {
        var am = integration(alerts, AlertSource.ALERTMANAGER);
        var prom = integration(alerts, AlertSource.PROMETHEUS);
        var generic = integration(alerts, AlertSource.GENERIC);
        long servedBefore = served();

        var byPath = post(api, "/api/v1/integrations/" + am.key() + "/alertmanager",
                webhook("firing", unique("fp"), "PathKey", null));
        assertThat(byPath.status()).isEqualTo(200);
        assertThat(byPath.contentType()).startsWith("application/json");
        assertThat(byPath.body().get("status").asString()).isEqualTo("success");
        assertThat(byPath.body().get("alerts").asInt()).isEqualTo(1);

        var byBearer = post(api, "/api/v1/integrations/alertmanager", webhook("firing", unique("fp"), "Bearer", null),
                "Authorization", "Bearer " + am.key());
        assertThat(byBearer.status()).isEqualTo(200);
        assertThat(alertsOf(alerts, am.integration().id())).hasSize(2);

        var v2 = post(api, "/api/v2/alerts", """
                [{"labels":{"alertname":"Direct","instance":"%s"},"annotations":{"summary":"s"}}]"""
                .formatted(unique("i")), "Authorization", "Bearer " + prom.key());
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.raw()).isEmpty();
        assertThat(alertsOf(alerts, prom.integration().id())).hasSize(1);

        var event = post(api, "/api/v1/integrations/" + generic.key() + "/events",
                "{\"title\":\"Disk <full>\",\"dedupKey\":\"disk-\\\"1\\\"\",\"status\":\"firing\"}");
        assertThat(event.status()).isEqualTo(202);
        assertThat(event.body().get("dedupKey").asString()).isEqualTo("disk-\"1\"");
        assertThat(event.body().get("alertId").asLong()).isPositive();

        assertThat(served() - servedBefore).isEqualTo(direct() ? 4 : 0);
    }

    @Test
    void refusalsAreProblemDetailsNamingTheCause() {
        var am = integration(alerts, AlertSource.ALERTMANAGER);
        String path = "/api/v1/integrations/" + am.key() + "/alertmanager";

        var malformed = post(api, path, "{\"version\":\"4\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body().get("field").asString()).isEqualTo("body");
        assertThat(malformed.body().get("instance").asString()).isEqualTo(path);
        assertThat(malformed.body().get("errors").get(0).get("field").asString()).isEqualTo("body");

        var unknown = post(api, "/api/v1/integrations/fbi_unknown/alertmanager", webhook("firing", "x", "A", null));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("title").asString()).isEqualTo("Unauthorized");
        var noBearer = api.send(HttpRequest.newBuilder(api.uri("/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")));
        assertThat(noBearer.status()).isEqualTo(401);

        assertThat(alertsOf(alerts, am.integration().id())).isEmpty();
    }

    @Test
    void otherRequestsUnderTheSamePrefixesStillNeedAUser() {
        // Not ingestion: the integrations API and a GET of the v2 path go through user security.
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/integrations")).GET()).status()).isEqualTo(401);
        assertThat(post(api, "/api/v1/integrations", "{}").status()).isEqualTo(401);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v2/alerts")).GET()).status()).isEqualTo(401);
    }

    private long served() {
        return meters.find("firebreak.ingestion.requests").timers().stream().mapToLong(Timer::count).sum();
    }
}
