package io.firebreak.notification.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.OutboundMessage;
import io.firebreak.notification.internal.UrlGuard;
import io.firebreak.support.FirebreakTest;

/**
 * The SMTP connection goes to the address the guard checked as it connected, never to a second
 * lookup of the name: GreenMail (on 127.0.0.1, a free port) is reached only through the guard's
 * scripted DNS answers.
 */
@FirebreakTest
class EmailPinningTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    static final OutboundMessage MESSAGE = new OutboundMessage(1, "key-1", "Incident opened", "INC-1 opened",
            "Database down", null, null, Map.of());

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChannelRepository channels;

    ChannelConfig channel(String host) {
        var smtp = new ChannelConfig.SmtpSettings(host, greenMail.getSmtp().getPort(), false, null,
                "firebreak@example.org");
        return new ChannelConfig(1, "ops mail", ChannelKind.EMAIL, "ops@example.org", List.of(), smtp, null, "en",
                List.of(), null, true, false);
    }

    @Test
    void theRelayIsReachedThroughTheCheckedAddressOfItsName() throws Exception {
        // The name exists nowhere but in the scripted lookup: the email can only arrive through it.
        UrlGuard guard = new UrlGuard(jdbc, host -> {
            if (!host.equals("mail.firebreak.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        });
        DeliveryResult r = new EmailChannel(guard, List.of("127.0.0.1")).send(channel("mail.firebreak.test"), MESSAGE);
        assertThat(r.outcome()).as(r.error()).isEqualTo(DeliveryResult.Outcome.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("INC-1 opened");
    }

    @Test
    void aRelayNameThatRebindsIsNeverConnectedToItsNewAddress() throws Exception {
        // "localhost" really resolves to 127.0.0.1 where GreenMail listens, so a client that looked the
        // name up again after the check would deliver. The scripted lookup answers 127.0.0.2 first
        // (allow-listed, nobody listens there), then 127.0.0.1 (not allow-listed).
        channels.removeAllowEntry("127.0.0.1"); // other tests allow-list the receivers' address
        List<String> lookups = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        UrlGuard guard = new UrlGuard(jdbc, host -> {
            lookups.add(host);
            return new InetAddress[] { InetAddress.getByName(calls.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1") };
        });
        EmailChannel email = new EmailChannel(guard, List.of("127.0.0.2"));

        DeliveryResult first = email.send(channel("localhost"), MESSAGE);
        assertThat(first.outcome()).as(first.error()).isEqualTo(DeliveryResult.Outcome.RETRY);
        DeliveryResult second = email.send(channel("localhost"), MESSAGE);
        assertThat(second.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(second.error()).startsWith("SMTP host refused").contains("127.0.0.1").contains("not allow-listed");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(lookups).containsExactly("localhost", "localhost");
    }
}
