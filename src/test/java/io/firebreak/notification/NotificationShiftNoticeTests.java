package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.NotificationRule;
import io.firebreak.notification.internal.NotificationRules;
import io.firebreak.notification.internal.StoredMessage;
import io.firebreak.oncall.ShiftHandedOff;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import jakarta.mail.internet.MimeMessage;

/**
 * Hand-off notices: the incoming person hears that their shift started through the immediate
 * methods of their rules (GreenMail, a real HTTP receiver), once per (schedule, instant, person).
 */
@FirebreakTest
class NotificationShiftNoticeTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestUsers users;
    @Autowired
    NotificationRules rules;
    @Autowired
    ContactBook contacts;
    @Autowired
    ChannelRepository channels;
    @Autowired
    MessageRepository messages;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    MutableClock clock;

    Receiver receiver;
    TestChannels test;

    @BeforeEach
    void channels() throws Exception {
        receiver = new Receiver();
        test = new TestChannels(channels, clock);
        test.greenMail("shift");
    }

    @AfterEach
    void disable() {
        test.disableAll();
        receiver.close();
    }

    void handOff(ShiftHandedOff event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    List<StoredMessage> notices(String text, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<StoredMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = messages.search(null, null, text, 50).stream()
                    .filter(m -> m.template().equals("SHIFT_STARTED")).toList();
            if (found.size() >= expected) {
                break;
            }
            Thread.sleep(50);
        }
        return found;
    }

    @Test
    void theIncomingPersonIsEmailedOnceWithoutAnAcknowledgeLink() throws Exception {
        UserView previous = users.create(Role.RESPONDER);
        UserView next = users.create(Role.RESPONDER);
        Instant at = clock.instant();
        var event = new ShiftHandedOff(77, "Core primary", previous.id(), next.id(), next.username(), at,
                at.plus(Duration.ofDays(7)));
        handOff(event);
        List<StoredMessage> queued = notices(next.email(), 1);
        assertThat(queued).hasSize(1);
        StoredMessage notice = queued.get(0);
        assertThat(notice.ackUrl()).isNull();
        assertThat(notice.incidentId()).isNull();
        assertThat(notice.body()).contains(next.displayName()).contains("Core primary")
                .contains(previous.displayName());

        handOff(event);
        Thread.sleep(500);
        assertThat(notices(next.email(), 1)).as("the same hand-off is told once").hasSize(1);

        worker.runOnce();
        List<MimeMessage> mail = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(next.email()))) {
                mail.add(m);
            }
        }
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).contains("shift started").contains("Core primary");
    }

    @Test
    void immediateChatRulesAreUsedAndDelayedOnesAreNot() throws Exception {
        UserView next = users.create(Role.RESPONDER);
        contacts.update(next.id(), new ContactMethods("U0SHIFT", "", "", ""), next.username());
        ChannelConfig slackChannel = test.slack(receiver, "shift", List.of("NONE"));
        long slack = slackChannel.id();
        String name = slackChannel.name();
        rules.replace(next.id(), List.of(new NotificationRule(NotificationRule.Method.CHANNEL, slack, 0),
                new NotificationRule(NotificationRule.Method.EMAIL, null, 10)), next.username());
        Instant at = clock.instant();
        handOff(new ShiftHandedOff(78, "Payments secondary", null, next.id(), next.username(), at, at.plus(
                Duration.ofDays(1))));
        assertThat(notices(name, 1)).hasSize(1);
        worker.runOnce();
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).body()).contains("<@U0SHIFT>").contains("Payments secondary");
        assertThat(notices(next.email(), 0)).as("the delayed email rule is not used for a notice").isEmpty();
    }
}
