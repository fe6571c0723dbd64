package io.firebreak.alert.realsenders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertFilter;
import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.identity.Role;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/**
 * Real senders, unmodified: Prometheus 2.42 lists Firebreak under {@code alerting.alertmanagers}
 * (API v2, the integration key as bearer credentials) and Alertmanager 0.25 notifies Firebreak
 * through a webhook receiver and a PagerDuty receiver whose {@code url} is Firebreak's
 * {@code /v2/enqueue}. The Debian packages {@code prometheus} and {@code prometheus-alertmanager}
 * must be installed: without them this test fails, it never skips.
 */
@FirebreakTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSendersTests {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    static final Duration ARRIVAL = Duration.ofSeconds(60);

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired AlertManagement alerts;
    @Autowired CatalogManagement catalog;
    @Autowired MutableClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    final List<Process> processes = new ArrayList<>();
    final String run = "run" + System.nanoTime();
    Path dir;
    ServiceView service;
    long prometheusIntegration;
    long webhookIntegration;
    long pagerDutyIntegration;
    int alertmanagerPort;
    int prometheusPort;
    boolean clockAhead;

    @BeforeAll
    void startSenders() throws Exception {
        // The shared test clock starts at context start and only moves when tests move it: bring it
        // to the real time the senders use, if it is behind; note if other tests moved it ahead.
        Instant real = Instant.now();
        if (clock.instant().isBefore(real)) {
            clock.advance(Duration.between(clock.instant(), real));
        }
        clockAhead = clock.instant().isAfter(real.plusSeconds(5));
        assertThat(Files.isExecutable(PROMETHEUS))
                .as("%s is missing: apt-get install -y prometheus prometheus-alertmanager", PROMETHEUS).isTrue();
        assertThat(Files.isExecutable(ALERTMANAGER))
                .as("%s is missing: apt-get install -y prometheus prometheus-alertmanager", ALERTMANAGER).isTrue();
        dir = Path.of("target", "realsenders", run).toAbsolutePath();
        Files.createDirectories(dir);
        service = catalog.create(new ServiceDefinition("real-" + run, null, null, false, 2, List.of()), "test");
        String admin = users.tokenFor(Role.ADMIN);
        var prometheus = integration(admin, "PROMETHEUS");
        var webhook = integration(admin, "ALERTMANAGER");
        var pagerDuty = integration(admin, "PAGERDUTY");
        prometheusIntegration = prometheus.id();
        webhookIntegration = webhook.id();
        pagerDutyIntegration = pagerDuty.id();
        String fbHost = fbHost();

        alertmanagerPort = freePort();
        Files.writeString(dir.resolve("alertmanager.yml"), """
                global:
                  resolve_timeout: 1h
                route:
                  receiver: firebreak-webhook
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                  routes:
                    - matchers: ['receiver="pagerduty"']
                      receiver: firebreak-pagerduty
                receivers:
                  - name: firebreak-webhook
                    webhook_configs:
                      - url: http://%1$s/api/v1/integrations/%2$s/alertmanager
                        send_resolved: true
                  - name: firebreak-pagerduty
                    pagerduty_configs:
                      - routing_key: %3$s
                        url: http://%1$s/v2/enqueue
                        send_resolved: true
                """.formatted(fbHost, webhook.key(), pagerDuty.key()));
        start("alertmanager", ALERTMANAGER.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("am-data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=");
        awaitReady(alertmanagerPort, "alertmanager");

        prometheusPort = freePort();
        // Rules come after Prometheus has discovered Firebreak, so its first notification is not dropped.
        Files.writeString(dir.resolve("rules.yml"), "groups: []\n");
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                alerting:
                  alertmanagers:
                    - api_version: v2
                      scheme: http
                      path_prefix: /
                      timeout: 5s
                      authorization:
                        type: Bearer
                        credentials: %s
                      static_configs:
                        - targets: ['%s']
                """.formatted(dir.resolve("rules.yml"), prometheus.key(), fbHost));
        start("prometheus", PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("prom-data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--rules.alert.resend-delay=1s", "--web.enable-lifecycle");
        awaitReady(prometheusPort, "prometheus");
        String target = "http://" + fbHost + "/api/v2/alerts";
        await("Prometheus to discover Firebreak as its Alertmanager",
                () -> get(prometheusPort, "/api/v1/alertmanagers").contains(target) ? true : null);
        Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: firebreak-real-senders
                    interval: 1s
                    rules:
                      - alert: FirebreakAlwaysFiring
                        expr: vector(1) > 0
                        labels:
                          severity: critical
                          run: %s
                        annotations:
                          summary: Always firing, from a real Prometheus
                          description: The expression vector(1) > 0 is always true.
                """.formatted(run));
        var reload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + "/-/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    }

    @AfterAll
    void stopSenders() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void prometheusSendsDirectlyToTheAlertmanagerApi() {
        AlertView alert = await("the Prometheus alert", () -> one(prometheusIntegration, "FirebreakAlwaysFiring"));
        assertThat(alert.labels()).containsEntry("run", run).containsEntry("severity", "critical")
                .containsEntry("alertname", "FirebreakAlwaysFiring");
        assertThat(alert.annotations()).containsEntry("summary", "Always firing, from a real Prometheus");
        assertThat(alert.severity()).isEqualTo("critical");
        assertThat(alert.startsAt()).isNotNull();
        // Prometheus re-sends the firing alert every second with endsAt ~10 s ahead: one alert whose
        // expiry moves on. Firebreak judges expiry by its own (test) clock, which stands still here.
        AlertView again = await("a re-send from Prometheus", () -> Optional.of(alerts.get(alert.id()))
                .filter(a -> a.endsAt() != null && alert.endsAt() != null && a.endsAt().isAfter(alert.endsAt()))
                .orElse(null));
        assertThat(again.status()).isEqualTo(again.endsAt().isAfter(clock.instant()) ? AlertStatus.FIRING
                : AlertStatus.RESOLVED);
        if (!clockAhead) {
            assertThat(again.status()).isEqualTo(AlertStatus.FIRING);
        }
        // Prometheus itself sees Firebreak as a working Alertmanager: listed as active, no failed sends.
        String target = "http://" + fbHost() + "/api/v2/alerts";
        assertThat(get(prometheusPort, "/api/v1/alertmanagers")).contains("\"activeAlertmanagers\":[{\"url\":\""
                + target + "\"}]");
        String metrics = get(prometheusPort, "/metrics");
        assertThat(metrics).contains("prometheus_notifications_sent_total{alertmanager=\"" + target + "\"}");
        assertThat(metrics.lines().filter(l -> l.startsWith("prometheus_notifications_errors_total{alertmanager=\""
                + target + "\"}")).toList()).containsExactly("prometheus_notifications_errors_total{alertmanager=\""
                        + target + "\"} 0");
        assertThat(search(prometheusIntegration)).hasSize(1);
    }

    @Test
    void alertmanagerWebhookReceiverFiresAndResolves() throws Exception {
        var labels = Map.of("alertname", "RealWebhook", "run", run, "severity", "warning", "receiver", "webhook");
        postToAlertmanager(labels, null);
        AlertView alert = await("the webhook alert", () -> one(webhookIntegration, "RealWebhook"));
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.labels()).containsEntry("run", run);
        assertThat(alert.groupKey()).isNotBlank();
        assertThat(alert.annotations()).containsEntry("summary", "posted to Alertmanager by the test");

        postToAlertmanager(labels, Instant.now().minusSeconds(5));
        AlertView resolved = await("the webhook resolution", () -> Optional.of(alerts.get(alert.id()))
                .filter(a -> a.status() == AlertStatus.RESOLVED).orElse(null));
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(search(webhookIntegration)).hasSize(1);
    }

    @Test
    void alertmanagerPagerDutyReceiverTriggersAndResolves() throws Exception {
        var labels = Map.of("alertname", "RealPagerDuty", "run", run, "severity", "critical", "receiver",
                "pagerduty");
        postToAlertmanager(labels, null);
        AlertView alert = await("the PagerDuty alert", () -> search(pagerDutyIntegration).stream().findFirst()
                .orElse(null));
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.title()).contains("RealPagerDuty");
        assertThat(alert.fingerprint()).isNotBlank();

        postToAlertmanager(labels, Instant.now().minusSeconds(5));
        await("the PagerDuty resolution", () -> Optional.of(alerts.get(alert.id()))
                .filter(a -> a.status() == AlertStatus.RESOLVED).orElse(null));
        assertThat(search(pagerDutyIntegration)).hasSize(1);
    }

    // ---- helpers

    record Issued(long id, String key) {
    }

    private Issued integration(String admin, String type) {
        var body = new HashMap<String, Object>();
        body.put("name", "real " + type.toLowerCase() + " " + run);
        body.put("type", type);
        body.put("serviceId", service.id());
        body.put("defaultLevel", "P3");
        var res = api.post("/api/v1/integrations", admin, body);
        assertThat(res.status()).as(res.raw()).isEqualTo(201);
        return new Issued(res.body().get("integration").get("id").asLong(), res.body().get("key").asString());
    }

    private String fbHost() {
        return "127.0.0.1:" + URI.create(api.baseUrl()).getPort();
    }

    private String get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private List<AlertView> search(long integrationId) {
        return alerts.search(new AlertFilter(null, null, integrationId, null, null, null), new PageRequest(0, 50))
                .items();
    }

    private AlertView one(long integrationId, String alertname) {
        return search(integrationId).stream().filter(a -> alertname.equals(a.labels().get("alertname"))).findFirst()
                .orElse(null);
    }

    /** Posts one alert to Alertmanager's own API v2, as Prometheus would; {@code endsAt} in the past resolves it. */
    private void postToAlertmanager(Map<String, String> labels, Instant endsAt) throws Exception {
        var sb = new StringBuilder("[{\"labels\":{");
        int i = 0;
        for (var e : labels.entrySet()) {
            sb.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        }
        sb.append("},\"annotations\":{\"summary\":\"posted to Alertmanager by the test\"}");
        if (endsAt != null) {
            sb.append(",\"startsAt\":\"").append(endsAt.minusSeconds(60)).append("\",\"endsAt\":\"").append(endsAt)
                    .append('"');
        }
        sb.append("}]");
        var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(sb.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    private void start(String name, String... command) throws IOException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        processes.add(pb.start());
    }

    private void awaitReady(int port, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail(name + " did not become ready:\n" + logs());
    }

    private <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("Timed out after " + ARRIVAL.toSeconds() + " s waiting for " + what + "\n" + logs());
    }

    private String logs() {
        var sb = new StringBuilder();
        for (String name : List.of("prometheus", "alertmanager")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                sb.append("--- ").append(name).append(".log (tail)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
                        .append('\n');
            } catch (IOException e) {
                sb.append("--- no ").append(name).append(".log\n");
            }
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
