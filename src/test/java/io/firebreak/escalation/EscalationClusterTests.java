package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.firebreak.FirebreakApplication;
import io.firebreak.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three separate Firebreak processes on one PostgreSQL database escalate 60 incidents through a
 * three-step policy while one of them is killed with {@code kill -9} part-way: every step pages its
 * target exactly once (one page row per incident and step, one outbox message per page) and every
 * page reaches the webhook receiver, each message under its own idempotency key (a message the
 * killed process had handed to the receiver but not recorded may arrive again under the same key,
 * as documented). PostgreSQL only: the processes need a shared database server.
 */
class EscalationClusterTests {

    static final int INCIDENTS = 60;
    static final int STEPS = 3;
    static final String PASSWORD = "admin-password-for-tests";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private String database;
    private Path logs;

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            p.waitFor();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (database != null) {
            try (Connection c = admin(); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void eachStepPagesEachTargetExactlyOnceWhenAnInstanceIsKilledMidway() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "needs a shared PostgreSQL server");
        database = "firebreak_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        logs = Files.createDirectories(Path.of("target", "cluster-tests", database));

        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        for (int port : ports) {
            processes.add(start(port));
        }
        for (int port : ports) {
            awaitHealthy(port);
        }
        String base0 = "http://127.0.0.1:" + ports.get(0);
        String token = json.readTree(send("POST", base0 + "/api/v1/tokens", null, "{\"name\":\"cluster\"}"))
                .get("token").asString();
        long service = id(send("POST", base0 + "/api/v1/services", token, "{\"name\":\"cluster\",\"tier\":1}"));
        send("POST", base0 + "/api/v1/notifications/allow-list", token, "{\"entry\":\"127.0.0.1\"}");
        long channel = id(send("POST", base0 + "/api/v1/notifications/channels", token,
                "{\"name\":\"pager\",\"kind\":\"webhook\",\"target\":\"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\",\"secret\":\"cluster-secret\",\"levels\":[\"NONE\"]}"));
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            long user = id(send("POST", base0 + "/api/v1/users", token, "{\"username\":\"cluster-" + i
                    + "\",\"displayName\":\"Cluster " + i + "\",\"email\":\"cluster" + i + "@example.org\","
                    + "\"role\":\"RESPONDER\",\"locale\":\"en\",\"timeZone\":\"UTC\",\"password\":\"cluster-password-" + i + "\"}"));
            send("PUT", base0 + "/api/v1/users/" + user + "/notification-rules", token,
                    "{\"rules\":[{\"method\":\"CHANNEL\",\"channelId\":" + channel + ",\"delayMinutes\":0}]}");
            users.add(user);
        }
        StringBuilder steps = new StringBuilder();
        for (long user : users) {
            steps.append(steps.isEmpty() ? "" : ",").append("{\"delayMinutes\":0,\"targets\":[{\"kind\":\"USER\",\"id\":")
                    .append(user).append("}]}");
        }
        send("POST", base0 + "/api/v1/escalation-policies", token, "{\"name\":\"cluster\",\"isDefault\":true,"
                + "\"repeatCount\":0,\"serviceIds\":[" + service + "],\"steps\":[" + steps + "]}");

        // Declared round-robin on all three; the first one is killed after two thirds, with its
        // escalations started and pages queued, then the survivors take the rest.
        int killedAfter = INCIDENTS * 2 / 3;
        for (int i = 0; i < INCIDENTS; i++) {
            if (i == killedAfter) {
                processes.get(0).destroyForcibly().waitFor();
            }
            int instance = i < killedAfter ? i % 3 : 1 + i % 2;
            send("POST", "http://127.0.0.1:" + ports.get(instance) + "/api/v1/incidents", token,
                    "{\"title\":\"cluster " + i + "\",\"level\":\"P2\",\"serviceIds\":[" + service + "]}");
        }

        int expected = INCIDENTS * STEPS;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && (received.size() < expected || pageRows() < expected)) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000); // a second page, if any, would arrive now

        try (Connection c = DriverManager.getConnection(url(), TestDatabase.postgresUser(), "");
                var s = c.createStatement()) {
            var steps1 = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT incident_id || ':' || step) FROM escalation_page");
            steps1.next();
            assertThat(steps1.getInt(1)).as("escalation pages").isEqualTo(expected);
            assertThat(steps1.getInt(2)).as("distinct incident steps").isEqualTo(expected);
            var pages = s.executeQuery("SELECT COUNT(*) FROM notification_page");
            pages.next();
            assertThat(pages.getInt(1)).as("page rows").isEqualTo(expected);
            var keys = s.executeQuery("SELECT idempotency_key FROM notification_message WHERE event = 'Page'");
            Set<String> messageKeys = new HashSet<>();
            while (keys.next()) {
                messageKeys.add(keys.getString(1));
            }
            assertThat(messageKeys).as("one message per page").hasSize(expected);
            assertThat(received.keySet()).as("every page delivered, no other message").isEqualTo(messageKeys);
        }
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Dfirebreak.test.db=external", "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), FirebreakApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + url(), "--spring.datasource.username=" + TestDatabase.postgresUser(),
                "--spring.datasource.password=", "--firebreak.wake-up=true",
                "--firebreak.escalation.interval=PT0.5S", "--firebreak.escalation.reconcile-interval=PT2S",
                "--firebreak.notification.interval=PT0.5S", "--firebreak.notification.lease=PT3S",
                "--firebreak.notification.throttle-per-minute=1000000", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("instance-" + port + ".log").toFile()).start();
    }

    private void awaitHealthy(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance on port " + port + " did not start; see " + logs);
    }

    private String send(String method, String url, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.header("Authorization", token != null ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private long id(String body) {
        JsonNode node = json.readTree(body);
        return node.get("id").asLong();
    }

    private int pageRows() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), TestDatabase.postgresUser(), "");
                var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM notification_page")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String url() {
        return "jdbc:postgresql://" + TestDatabase.postgresServer() + "/" + database;
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + TestDatabase.postgresServer() + "/postgres",
                TestDatabase.postgresUser(), "");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
