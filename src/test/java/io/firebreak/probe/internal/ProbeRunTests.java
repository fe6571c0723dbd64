package io.firebreak.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import io.firebreak.alert.AlertFilter;
import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.probe.ProbeDefinition;
import io.firebreak.probe.ProbeManagement;
import io.firebreak.probe.ProbeResult;
import io.firebreak.probe.ProbeState;
import io.firebreak.probe.ProbeView;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;

/** Health checks run against a real local HTTP server and a real TCP listener. */
@FirebreakTest
class ProbeRunTests {

    @Autowired ProbeManagement probes;
    @Autowired ProbeRepository repository;
    @Autowired CatalogManagement catalog;
    @Autowired AddressGuard guard;
    @Autowired MutableClock clock;
    @Autowired AlertManagement alerts;

    HttpServer server;
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicReference<String> body = new AtomicReference<>("status: ok");
    final AtomicInteger delayMs = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    ServiceView service;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delayMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), "HEAD".equals(exchange.getRequestMethod()) ? -1 : bytes.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        service = catalog.create(new ServiceDefinition("probe-run-" + System.nanoTime(), null, null, false, 2,
                List.of()), "test");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        guard.allowPrivate(true);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private ProbeView http(String path, String bodyContains, Integer latencyLimit, int timeoutMs, int failures,
            int successes) {
        return probes.create(new ProbeDefinition("run-" + System.nanoTime(), "HTTP", service.id(), "P2", url(path),
                "GET", null, bodyContains, latencyLimit, null, null, timeoutMs, 10, failures, successes, true), "test");
    }

    /** Lets the check's next run come due and runs one pass; the check must be among those run. */
    private ProbeView runOnce(ProbeView p) {
        ProbeView now = probes.get(p.id());
        if (now.nextRunAt().isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), now.nextRunAt()));
        }
        assertThat(probes.runDue()).contains(p.id());
        return probes.get(p.id());
    }

    @Test
    void httpFailuresCountUpAndSuccessesReset() {
        ProbeView p = http("/health", "status: ok", null, 2000, 2, 2);
        ProbeView after = runOnce(p);
        assertThat(after.state()).isEqualTo(ProbeState.UP);
        assertThat(after.lastOk()).isTrue();
        assertThat(after.lastStatusCode()).isEqualTo(200);
        assertThat(after.lastLatencyMs()).isNotNull();

        status.set(503);
        after = runOnce(p);
        assertThat(after.state()).isEqualTo(ProbeState.DEGRADED);
        assertThat(after.consecutiveFailures()).isEqualTo(1);
        assertThat(after.lastError()).contains("status 503 is not 2xx");

        status.set(200);
        body.set("status: degraded");
        after = runOnce(p);
        assertThat(after.consecutiveFailures()).isEqualTo(2);
        assertThat(after.lastError()).contains("body does not contain");

        body.set("status: ok");
        after = runOnce(p);
        assertThat(after.consecutiveFailures()).isZero();
        assertThat(after.consecutiveSuccesses()).isEqualTo(1);

        List<ProbeResult> history = probes.history(p.id(), 10);
        assertThat(history).extracting(ProbeResult::ok).containsExactly(true, false, false, true);
        assertThat(history).extracting(ProbeResult::statusCode).containsExactly(200, 200, 503, 200);
        assertThat(history.get(0).at()).isAfterOrEqualTo(history.get(1).at());
    }

    private List<AlertView> alertsOf(ProbeView p) {
        return alerts.search(new AlertFilter(null, null, alerts.probeIntegration().id(), null,
                Map.of("probe_id", String.valueOf(p.id())), null), new PageRequest(0, 10)).items();
    }

    @Test
    void alertFiresAfterNFailuresAndResolvesAfterMSuccesses() {
        ProbeView p = http("/alerting", null, null, 2000, 3, 2);
        status.set(500);
        runOnce(p);
        ProbeView after = runOnce(p);
        assertThat(after.state()).isEqualTo(ProbeState.DEGRADED);
        assertThat(alertsOf(p)).isEmpty();
        after = runOnce(p);
        assertThat(after.state()).isEqualTo(ProbeState.DOWN);
        assertThat(after.alerting()).isTrue();
        List<AlertView> raised = alertsOf(p);
        assertThat(raised).hasSize(1);
        AlertView alert = raised.get(0);
        assertThat(alert.fingerprint()).isEqualTo("probe:" + p.id());
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.serviceId()).isEqualTo(service.id());
        assertThat(alert.levelCode()).isEqualTo("P2");
        assertThat(alert.description()).contains("status 500");

        runOnce(p); // a fourth failure changes nothing
        assertThat(alerts.get(alert.id()).fireCount()).isEqualTo(alert.fireCount());
        status.set(200);
        after = runOnce(p);
        assertThat(after.state()).isEqualTo(ProbeState.DOWN);
        assertThat(alerts.get(alert.id()).status()).isEqualTo(AlertStatus.FIRING);
        after = runOnce(p);
        assertThat(after.state()).isEqualTo(ProbeState.UP);
        assertThat(after.alerting()).isFalse();
        assertThat(alerts.get(alert.id()).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alertsOf(p)).hasSize(1);

        // Deleting a firing check resolves its alert.
        status.set(500);
        runOnce(p);
        runOnce(p);
        runOnce(p);
        assertThat(alerts.get(alert.id()).status()).isEqualTo(AlertStatus.FIRING);
        probes.delete(p.id(), "test");
        assertThat(alerts.get(alert.id()).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void slowAnswersFailOnLatencyAndTimeout() {
        delayMs.set(400);
        ProbeView limited = http("/slow", null, 100, 3000, 3, 1);
        ProbeView after = runOnce(limited);
        assertThat(after.lastOk()).isFalse();
        assertThat(after.lastStatusCode()).isEqualTo(200);
        assertThat(after.lastError()).contains("over the limit of 100 ms");

        delayMs.set(2000);
        ProbeView timed = http("/slower", null, null, 300, 3, 1);
        long start = System.nanoTime();
        after = runOnce(timed);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
        assertThat(after.lastOk()).isFalse();
        assertThat(after.lastError()).contains("timed out after 300 ms");
    }

    @Test
    void tcpChecksConnect() throws IOException {
        ProbeView p;
        try (ServerSocket listener = new ServerSocket(0)) {
            p = probes.create(new ProbeDefinition("tcp-" + System.nanoTime(), "TCP", service.id(), "P3", null, null,
                    null, null, null, "127.0.0.1", listener.getLocalPort(), 1000, 10, 1, 1, true), "test");
            ProbeView after = runOnce(p);
            assertThat(after.lastOk()).as(after.lastError()).isTrue();
            assertThat(after.state()).isEqualTo(ProbeState.UP);
        }
        ProbeView after = runOnce(p);
        assertThat(after.lastOk()).isFalse();
        assertThat(after.lastError()).contains("connection failed");
    }

    @Test
    void twoConcurrentPassesRunEachCheckOnce() throws Exception {
        List<ProbeView> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(http("/c" + i, null, null, 2000, 3, 1));
        }
        requests.set(0);
        var ready = new CountDownLatch(2);
        var go = new CountDownLatch(1);
        Callable<List<Long>> pass = () -> {
            ready.countDown();
            go.await();
            return probes.runDue();
        };
        List<Long> a;
        List<Long> b;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var fa = pool.submit(pass);
            var fb = pool.submit(pass);
            ready.await();
            go.countDown();
            a = fa.get();
            b = fb.get();
        }
        for (ProbeView p : mine) {
            int times = (a.contains(p.id()) ? 1 : 0) + (b.contains(p.id()) ? 1 : 0);
            assertThat(times).as("check " + p.id()).isEqualTo(1);
            assertThat(probes.history(p.id(), 10)).hasSize(1);
        }
        assertThat(a.stream().filter(b::contains).toList()).as("run by both passes").isEmpty();
        assertThat(requests.get()).isEqualTo(mine.size());
    }

    @Test
    void privateTargetsAreRefusedUnlessAllowed() {
        ProbeView byName = probes.create(new ProbeDefinition("ssrf-" + System.nanoTime(), "HTTP", service.id(), "P2",
                "http://localhost:" + server.getAddress().getPort() + "/", "GET", null, null, null, null, null, 1000, 10,
                3, 1, true), "test");
        guard.allowPrivate(false);
        requests.set(0);
        ProbeView after = runOnce(byName);
        assertThat(after.lastOk()).isFalse();
        assertThat(after.lastError()).contains("refused").contains("non-public address");
        assertThat(requests.get()).isZero();

        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8080/",
                "http://10.0.0.1/", "http://[::1]:80/", "http://192.168.0.1/")) {
            assertThatThrownBy(() -> probes.create(new ProbeDefinition("ssrf", "HTTP", service.id(), "P2", url, null,
                    null, null, null, null, null, null, 30, null, null, null), "test"))
                    .as(url).isInstanceOf(InvalidInputException.class).hasMessageContaining("private");
        }
        assertThatThrownBy(() -> probes.create(new ProbeDefinition("ssrf", "TCP", service.id(), "P2", null, null,
                null, null, null, "169.254.169.254", 80, null, 30, null, null, null), "test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("host"));

        guard.allowPrivate(true);
        after = runOnce(byName);
        assertThat(after.lastOk()).as(after.lastError()).isTrue();
    }

    @Test
    void historyKeepsTheNewest500() {
        ProbeView p = http("/h", null, null, 1000, 3, 1);
        Instant at = clock.instant();
        for (int i = 0; i < ProbeRepository.HISTORY_KEPT + 7; i++) {
            repository.addResult(p.id(), at, new Outcome(i % 2 == 0, (long) i, 200, null));
        }
        List<ProbeResult> kept = probes.history(p.id(), 1000);
        assertThat(kept).hasSize(ProbeRepository.HISTORY_KEPT);
        assertThat(kept.get(0).latencyMs()).isEqualTo(ProbeRepository.HISTORY_KEPT + 6L);
        assertThat(kept.get(kept.size() - 1).latencyMs()).isEqualTo(7L);
    }

    @Test
    void disabledChecksDoNotRun() {
        ProbeView p = probes.create(new ProbeDefinition("off-" + System.nanoTime(), "HTTP", service.id(), "P2",
                url("/off"), null, null, null, null, null, null, 1000, 10, 3, 1, false), "test");
        clock.advance(Duration.ofSeconds(11));
        assertThat(probes.runDue()).doesNotContain(p.id());
        assertThat(probes.history(p.id(), 10)).isEmpty();
    }
}
