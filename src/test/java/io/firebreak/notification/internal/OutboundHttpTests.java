package io.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.firebreak.notification.Receiver;
import io.firebreak.support.FirebreakTest;

/**
 * Read timeouts and connection errors are retryable; the address rules of the SSRF guard; the
 * connection goes to exactly the addresses the guard checked (DNS rebinding).
 */
@FirebreakTest
class OutboundHttpTests {

    @Autowired
    UrlGuard guard;
    @Autowired
    ChannelRepository channels;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetried() throws Exception {
        channels.addAllowEntry("127.0.0.1");
        OutboundHttp http = new OutboundHttp(guard, Duration.ofSeconds(1), Duration.ofMillis(300));
        try (Receiver receiver = new Receiver()) {
            receiver.replyAfter(1500, 200, "late");
            DeliveryResult r = http.postJson(receiver.url("/slow"), "{}", Map.of("Idempotency-Key", "k"));
            assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
            assertThat(r.error()).startsWith("timeout");
        }
    }

    @Test
    void aClosedPortIsAConnectionErrorAndRetried() {
        channels.addAllowEntry("127.0.0.1");
        OutboundHttp http = new OutboundHttp(guard, Duration.ofSeconds(1), Duration.ofMillis(300));
        DeliveryResult r = http.postJson("http://127.0.0.1:1/x", "{}", Map.of());
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(r.error()).startsWith("connection error");
    }

    @Test
    void internalRangesAndAllowListEntries() throws Exception {
        for (String internal : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd12::1", "::ffff:192.168.1.1" }) {
            assertThat(UrlGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] { "8.8.8.8", "1.1.1.1", "2001:4860:4860::8888" }) {
            assertThat(UrlGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
        assertThat(UrlGuard.matches("10.0.0.0/8", InetAddress.getByName("10.200.1.1"))).isTrue();
        assertThat(UrlGuard.matches("10.0.0.0/8", InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(UrlGuard.matches("192.168.1.7", InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(UrlGuard.matches("fd00::/8", InetAddress.getByName("fd12::1"))).isTrue();
    }

    @Test
    void aNameThatRebindsAfterTheCheckIsNeverConnectedToItsNewAddress() throws Exception {
        // "localhost" really resolves to 127.0.0.1, so a client that looked the name up again after the
        // check would reach the receiver. The scripted lookup answers an allow-listed public address
        // (TEST-NET-1, unreachable) first, then loopback, which is internal and not allow-listed.
        channels.addAllowEntry("192.0.2.1");
        channels.removeAllowEntry("127.0.0.1"); // other tests allow-list the receivers' address
        List<String> lookups = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        UrlGuard rebinding = new UrlGuard(jdbc, host -> {
            lookups.add(host);
            return new InetAddress[] { InetAddress.getByName(calls.getAndIncrement() == 0 ? "192.0.2.1" : "127.0.0.1") };
        });
        OutboundHttp http = new OutboundHttp(rebinding, Duration.ofMillis(500), Duration.ofSeconds(2));
        try (Receiver receiver = new Receiver()) {
            String url = receiver.url("/hook").replace("127.0.0.1", "localhost");
            // First send: the one lookup passes the check, and the connection goes to that checked
            // address (which does not answer), not to whatever the name resolves to afterwards.
            DeliveryResult first = http.postJson(url, "{}", Map.of());
            assertThat(first.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
            assertThat(receiver.requests()).isEmpty();
            // Next send: the name now resolves to loopback, which the connect-time check refuses.
            DeliveryResult second = http.postJson(url, "{}", Map.of());
            assertThat(second.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
            assertThat(second.error()).startsWith("URL refused").contains("127.0.0.1").contains("not allow-listed");
            assertThat(receiver.requests()).isEmpty();
            assertThat(lookups).containsExactly("localhost", "localhost");
        }
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWhileTheRequestKeepsTheHostName() throws Exception {
        // The name exists nowhere but in the scripted lookup: the request can only arrive through it.
        channels.addAllowEntry("127.0.0.1");
        UrlGuard pinned = new UrlGuard(jdbc, host -> {
            if (!host.equals("hooks.firebreak.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        });
        OutboundHttp http = new OutboundHttp(pinned, Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (Receiver receiver = new Receiver()) {
            String url = receiver.url("/hook?k=1").replace("127.0.0.1", "hooks.firebreak.test");
            DeliveryResult r = http.postJson(url, "{\"a\":1}", Map.of("Idempotency-Key", "key-1"));
            assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(receiver.requests()).hasSize(1);
            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.pathAndQuery()).isEqualTo("/hook?k=1");
            assertThat(request.header("Host")).startsWith("hooks.firebreak.test:");
            assertThat(request.header("User-Agent")).isEqualTo("Firebreak");
            assertThat(request.header("Idempotency-Key")).isEqualTo("key-1");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.body()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void answersMapToOutcomesWithAnExcerpt() throws Exception {
        channels.addAllowEntry("127.0.0.1");
        OutboundHttp http = new OutboundHttp(guard, Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (Receiver receiver = new Receiver()) {
            receiver.reply(503, "busy");
            receiver.reply(429, "slow down");
            receiver.reply(400, "x".repeat(2000));
            receiver.reply(302, "");
            assertThat(http.postJson(receiver.url("/a"), "{}", Map.of()))
                    .isEqualTo(DeliveryResult.retry(503, "busy", "HTTP 503"));
            assertThat(http.postJson(receiver.url("/a"), "{}", Map.of()))
                    .isEqualTo(DeliveryResult.retry(429, "slow down", "HTTP 429"));
            DeliveryResult bad = http.postJson(receiver.url("/a"), "{}", Map.of());
            assertThat(bad.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
            assertThat(bad.response()).hasSize(OutboundHttp.EXCERPT + 1).endsWith("…");
            assertThat(http.postJson(receiver.url("/a"), "{}", Map.of()).statusCode()).isEqualTo(302);
            assertThat(receiver.requests()).hasSize(4);
        }
    }
}
