package io.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.notification.Receiver;
import io.firebreak.support.FirebreakTest;

/** Read timeouts and connection errors are retryable; the address rules of the SSRF guard. */
@FirebreakTest
class OutboundHttpTests {

    @Autowired
    UrlGuard guard;
    @Autowired
    ChannelRepository channels;

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
}
