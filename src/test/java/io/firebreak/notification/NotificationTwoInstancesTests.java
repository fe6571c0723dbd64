package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.firebreak.FirebreakApplication;
import io.firebreak.TestDatabase;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.NewMessage;
import io.firebreak.notification.internal.StoredMessage;

/**
 * Two Firebreak instances (two application contexts, each on its own port, each with its own
 * scheduled delivery worker running every 50 ms) on ONE PostgreSQL database deliver the same
 * outbox: every message reaches the real HTTP receiver exactly once. PostgreSQL only: on the H2
 * run the test is skipped (an in-memory H2 database is not a shared server).
 */
class NotificationTwoInstancesTests {

    static final int MESSAGES = 60;

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FirebreakApplication.class).run("--server.port=0",
                "--firebreak.notification.interval=PT0.05S", "--firebreak.notification.throttle-per-minute=100000",
                "--spring.main.banner-mode=off");
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachMessageExactlyOnce() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "needs a shared PostgreSQL server");
        try (Receiver receiver = new Receiver();
                ConfigurableApplicationContext one = start();
                ConfigurableApplicationContext two = start()) {
            ChannelRepository channels = one.getBean(ChannelRepository.class);
            MessageRepository messages = one.getBean(MessageRepository.class);
            Clock clock = one.getBean(Clock.class);
            channels.addAllowEntry("127.0.0.1");
            String name = "two-" + UUID.randomUUID();
            long channel = channels.insert(new ChannelConfig(0, name, ChannelKind.WEBHOOK, receiver.url("/" + name),
                    List.of(), null, "s3cret", "en", List.of("NONE"), null, true, false), clock.instant());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                ids.add(messages.insert(new NewMessage(null, null, "Test", "STATUS_UPDATE", "en", channel,
                        ChannelKind.WEBHOOK, name, "two instances " + i, "body " + i, null, null,
                        MessageStatus.PENDING, null, "tester", null), clock.instant()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !ids.stream().allMatch(id -> status(messages, id) == MessageStatus.SENT)) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // a duplicate send, if any, would arrive now
            assertThat(ids).allSatisfy(id -> {
                StoredMessage m = messages.find(id).orElseThrow();
                assertThat(m.status()).isEqualTo(MessageStatus.SENT);
                assertThat(m.attempts()).isEqualTo(1);
            });
            Map<String, Long> perKey = receiver.requests().stream()
                    .collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"), Collectors.counting()));
            assertThat(perKey).hasSize(MESSAGES).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
            assertThat(ids.stream().map(id -> messages.find(id).orElseThrow().idempotencyKey()).toList())
                    .containsExactlyInAnyOrderElementsOf(perKey.keySet());
        }
    }

    private static MessageStatus status(MessageRepository messages, long id) {
        return messages.find(id).map(StoredMessage::status).orElseThrow();
    }
}
