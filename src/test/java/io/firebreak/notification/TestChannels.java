package io.firebreak.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;

/**
 * Channels a test creates in the shared database, disabled (not deleted) afterwards so incidents
 * of other tests never reach a closed receiver; heard by no real level ("NONE").
 */
final class TestChannels {

    private final ChannelRepository channels;
    private final Clock clock;
    private final List<Long> created = new ArrayList<>();

    TestChannels(ChannelRepository channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
        channels.addAllowEntry("127.0.0.1");
    }

    long add(ChannelConfig c) {
        long id = channels.insert(c, clock.instant());
        created.add(id);
        return id;
    }

    /** An internal email channel on GreenMail whose name sorts first: people are emailed through it. */
    long greenMail(String prefix) {
        var smtp = new ChannelConfig.SmtpSettings("127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null,
                "firebreak@example.org");
        return add(new ChannelConfig(0, "0" + prefix + "-mail-" + UUID.randomUUID(), ChannelKind.EMAIL,
                "ops-list@example.org", List.of(), smtp, null, "en", List.of("NONE"), null, true, false));
    }

    /** A Slack channel posting to the receiver; returns its id and name. */
    ChannelConfig slack(Receiver receiver, String prefix, List<String> levels) {
        String name = prefix + "-slack-" + UUID.randomUUID();
        long id = add(new ChannelConfig(0, name, ChannelKind.SLACK, receiver.url("/" + name), List.of(), null, null,
                "en", levels, null, true, false));
        return channels.find(id).orElseThrow();
    }

    void disable(long id) {
        channels.find(id).ifPresent(c -> channels.update(new ChannelConfig(c.id(), c.name(), c.kind(), c.target(),
                c.mentions(), c.smtp(), null, c.locale(), c.levels(), c.ackAs(), false, c.customer())));
    }

    void disableAll() {
        created.forEach(this::disable);
    }
}
