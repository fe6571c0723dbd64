package io.firebreak.alert.web;

import static io.firebreak.alert.AlertTestSupport.alertsOf;
import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static io.firebreak.alert.AlertTestSupport.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.AlertWriter;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;

@FirebreakTest
class OverloadTests {

    @Autowired ApiClient api;
    @Autowired AlertManagement alerts;
    @Autowired AlertWriter writer;

    @Test
    void aFullQueueAnswers429AtOnceAndQueuedRequestsAreStoredBeforeTheirAnswer() throws Exception {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        var pd = integration(alerts, AlertSource.PAGERDUTY);
        String url = "/api/v1/integrations/" + integ.key() + "/alertmanager";
        int capacity = writer.capacity();
        writer.pause();
        try {
            writer.setCapacity(1);
            var queued = new CompletableFuture<ApiClient.Response>();
            Thread.ofPlatform().start(() -> queued.complete(post(api, url, webhook("firing", unique("q"), "A", null))));
            long deadline = System.currentTimeMillis() + 15_000;
            while (writer.depth() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(writer.depth()).as(() -> "queued: " + (queued.isDone() ? queued.join().raw() : "pending"))
                    .isEqualTo(1);
            assertThat(queued).isNotDone();
            var refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(webhook("firing", unique("r"), "B", null))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(refused.body()).contains("\"status\":429");
            var pdRefused = post(api, "/v2/enqueue", """
                    {"routing_key":"%s","event_action":"trigger","payload":{"summary":"x","source":"y","severity":"info"}}"""
                    .formatted(pd.key()));
            assertThat(pdRefused.status()).isEqualTo(429);
            assertThat(alertsOf(alerts, integ.integration().id())).isEmpty();
            writer.resume();
            assertThat(queued.get().status()).isEqualTo(200);
            assertThat(alertsOf(alerts, integ.integration().id())).hasSize(1);
        } finally {
            writer.setCapacity(capacity);
            writer.resume();
        }
    }
}
