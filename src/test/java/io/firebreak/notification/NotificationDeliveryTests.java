package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.identity.Role;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.NewMessage;
import io.firebreak.notification.internal.StoredMessage;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The outbox and its worker: messages written with the incident change, delivered after commit,
 * retried with back-off on 5xx without a second key, given up after N attempts, delivered once by
 * two concurrent workers, and bundled or held back under a storm.
 */
@FirebreakTest
class NotificationDeliveryTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    ChannelRepository channels;
    @Autowired
    MessageRepository messages;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectMapper json;

    Receiver receiver;
    List<Long> created = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        channels.addAllowEntry("127.0.0.1");
    }

    @AfterEach
    void stop() {
        // Disable (not delete) so incidents of other tests never reach a closed receiver.
        for (long id : created) {
            channels.find(id).ifPresent(c -> channels.update(new ChannelConfig(c.id(), c.name(), c.kind(), c.target(),
                    c.mentions(), c.smtp(), null, c.locale(), c.levels(), c.ackAs(), false, c.customer())));
        }
        receiver.close();
    }

    /** A webhook channel heard by no real level (messages are inserted directly). */
    ChannelConfig channel(String level) {
        String name = "wh-" + UUID.randomUUID();
        long id = channels.insert(new ChannelConfig(0, name, ChannelKind.WEBHOOK, receiver.url("/" + name), List.of(),
                null, "s3cret", "en", List.of(level), null, true, false), clock.instant());
        created.add(id);
        return channels.find(id).orElseThrow();
    }

    long insert(ChannelConfig c, String subject) {
        return messages.insert(new NewMessage(null, null, "Test", "STATUS_UPDATE", "en", c.id(), c.kind(), c.name(),
                subject, "body of " + subject, null, null, MessageStatus.PENDING, null, "tester", null), clock.instant());
    }

    StoredMessage message(long id) {
        return messages.find(id).orElseThrow();
    }

    @Test
    void anIncidentChangeWritesMessagesThatTheWorkerSendsAfterCommit() {
        String level = "P2";
        ChannelConfig c = channel(level);
        String admin = users.tokenFor(Role.ADMIN);
        var declared = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER),
                Map.of("title", "Orders {{not a tag}} <b>stuck</b>", "level", level));
        assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
        String number = declared.body().get("number").asString();

        var ledger = api.get("/api/v1/notifications/messages?incident=" + number, admin);
        assertThat(ledger.status()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        ledger.body().forEach(m -> {
            if (m.get("channelId").asLong() == c.id()) {
                mine.add(m);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("template").asString()).isEqualTo("INCIDENT_OPENED");
        assertThat(mine.get(0).get("body").asString()).contains("Title: Orders {{not a tag}} <b>stuck</b>");

        worker.runOnce();
        long id = mine.get(0).get("id").asLong();
        assertThat(message(id).status()).isEqualTo(MessageStatus.SENT);
        // Only this incident's: a response clock of another test's incident (health checks open
        // P2 incidents) may breach under this test's clock and be announced on every P2 channel too.
        var requests = receiver.requests().stream()
                .filter(r -> json.readTree(r.body()).get("incident").get("number").asString().equals(number))
                .toList();
        assertThat(requests).hasSize(1);
        JsonNode body = json.readTree(requests.get(0).body());
        assertThat(body.get("incident").get("number").asString()).isEqualTo(number);
        assertThat(body.get("incident").get("title").asString()).isEqualTo("Orders {{not a tag}} <b>stuck</b>");
        assertThat(body.get("incident").get("level").asString()).isEqualTo(level);
        assertThat(body.get("incident").get("status").asString()).isEqualTo("DETECTED");
        assertThat(body.get("subject").asString()).isEqualTo("🚨 " + level + " incident #" + number);
        assertThat(requests.get(0).header("X-Firebreak-Signature")).startsWith("t=");

        var timeline = api.get("/api/v1/incidents/" + number + "/timeline", admin);
        List<String> texts = new ArrayList<>();
        timeline.body().forEach(e -> {
            if (e.get("kind").asString().equals("MESSAGE_SENT")) {
                texts.add(e.get("text").asString());
            }
        });
        assertThat(texts).contains("Message \"Incident opened\" sent via WEBHOOK to " + c.name());

        var detail = api.get("/api/v1/notifications/messages/" + id, admin);
        assertThat(detail.body().get("attempts")).hasSize(1);
        assertThat(detail.body().get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/messages", users.tokenFor(Role.COMMANDER)).status()).isEqualTo(403);
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUnderTheSameKey() {
        ChannelConfig c = channel("none");
        receiver.reply(500, "oops");
        receiver.reply(502, "bad gateway");
        long id = insert(c, "retry me");

        worker.runOnce();
        StoredMessage afterFirst = message(id);
        assertThat(afterFirst.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastStatus()).isEqualTo(500);
        assertThat(afterFirst.reason()).isEqualTo("retry 2 of 5");
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(30));

        worker.runOnce();
        assertThat(receiver.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        worker.runOnce();
        assertThat(message(id).attempts()).isEqualTo(2);
        assertThat(message(id).nextAttemptAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(60));

        clock.advance(Duration.ofSeconds(61));
        worker.runOnce();
        StoredMessage done = message(id);
        assertThat(done.status()).isEqualTo(MessageStatus.SENT);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(messages.attempts(id)).extracting(a -> a.statusCode()).containsExactly(500, 502, 200);
        assertThat(receiver.requests()).extracting(r -> r.header("Idempotency-Key"))
                .containsOnly(done.idempotencyKey()).hasSize(3);
    }

    @Test
    void aMessageThatKeepsFailingIsMarkedFailedAfterTheLastAttempt() {
        ChannelConfig c = channel("none");
        receiver.fallback(503, "down");
        long id = insert(c, "never");
        for (int i = 0; i < 6; i++) {
            worker.runOnce();
            clock.advance(Duration.ofMinutes(10));
        }
        StoredMessage m = message(id);
        assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(m.attempts()).isEqualTo(5);
        assertThat(m.reason()).isEqualTo("gave up after 5 attempts");
        assertThat(receiver.requests()).hasSize(5);
    }

    @Test
    void aClientErrorFailsAtOnce() {
        ChannelConfig c = channel("none");
        receiver.reply(404, "no such hook");
        long id = insert(c, "gone");
        worker.runOnce();
        assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(message(id).lastResponse()).isEqualTo("no such hook");
    }

    @Test
    void twoWorkersRunningTogetherSendEachMessageOnce() {
        ChannelConfig c = channel("none");
        List<Long> ids = tx.execute(s -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                out.add(insert(c, "m" + i));
            }
            return out;
        });
        var a = CompletableFuture.supplyAsync(() -> worker.runOnce("instance-a"));
        var b = CompletableFuture.supplyAsync(() -> worker.runOnce("instance-b"));
        a.join();
        b.join();
        worker.runOnce();
        assertThat(ids).allSatisfy(id -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        List<String> keys = receiver.requests().stream().map(r -> r.header("Idempotency-Key")).toList();
        assertThat(keys).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void aStormIsBundledAndThenHeldBackWithAReason() {
        ChannelConfig c = channel("none");
        List<Long> storm = tx.execute(s -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                out.add(insert(c, "storm " + i));
            }
            return out;
        });
        worker.runOnce();
        assertThat(receiver.requests()).hasSize(1);
        JsonNode summary = json.readTree(receiver.requests().get(0).body());
        assertThat(summary.get("subject").asString()).isEqualTo("15 notifications (bundled)");
        assertThat(summary.get("text").asString()).contains("storm 0").contains("storm 14");
        Set<Long> bundles = storm.stream().map(id -> message(id).bundleId()).collect(Collectors.toSet());
        assertThat(bundles).hasSize(1).doesNotContainNull();
        assertThat(storm).allSatisfy(id -> assertThat(message(id).status()).isEqualTo(MessageStatus.BUNDLED));
        assertThat(message(bundles.iterator().next()).status()).isEqualTo(MessageStatus.SENT);

        List<Long> nine = tx.execute(s -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                out.add(insert(c, "after " + i));
            }
            return out;
        });
        worker.runOnce();
        assertThat(nine).allSatisfy(id -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));

        long held = insert(c, "held back");
        worker.runOnce();
        StoredMessage waiting = message(held);
        assertThat(waiting.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(waiting.reason()).startsWith("throttled: 10 messages per minute");
        assertThat(receiver.requests()).hasSize(10);

        clock.advance(Duration.ofSeconds(61));
        worker.runOnce();
        assertThat(message(held).status()).isEqualTo(MessageStatus.SENT);
        assertThat(receiver.requests()).hasSize(11);
    }
}
