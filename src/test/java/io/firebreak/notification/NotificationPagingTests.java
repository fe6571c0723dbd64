package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.notification.internal.AckLinks;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.NotificationRule;
import io.firebreak.notification.internal.NotificationRules;
import io.firebreak.notification.internal.StoredMessage;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import jakarta.mail.internet.MimeMessage;

/**
 * Paging one person through their personal rules: email at once by default (GreenMail), a chat
 * channel first and email later (a real local HTTP receiver), the acknowledge link acting as the
 * paged person, dedup keys, cancellation on acknowledge and resolve, unreachable people.
 */
@FirebreakTest
class NotificationPagingTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    PagingManagement paging;
    @Autowired
    IncidentNotices notices;
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
    AckLinks links;
    @Autowired
    IncidentManagement incidents;
    @Autowired
    MutableClock clock;

    Receiver receiver;
    TestChannels test;
    long email;

    @BeforeEach
    void channels() throws Exception {
        receiver = new Receiver();
        test = new TestChannels(channels, clock);
        email = test.greenMail("page");
    }

    @AfterEach
    void disable() {
        test.disableAll();
        receiver.close();
    }

    long slack() {
        return test.slack(receiver, "page", List.of("NONE")).id();
    }

    long declare() {
        var r = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER),
                Map.of("title", "Paging test " + UUID.randomUUID(), "level", "P3"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void withoutRulesThePersonIsEmailedAtOnceAndTheLinkAcknowledgesAsThem() throws Exception {
        UserView person = users.create(Role.RESPONDER);
        long incident = declare();
        List<Long> ids = paging.page(new PageRequest(incident, person.id(), "escalation step 1 of policy Core",
                "test:" + UUID.randomUUID(), "escalation"));
        assertThat(ids).hasSize(1);
        StoredMessage queued = messages.find(ids.get(0)).orElseThrow();
        assertThat(queued.template()).isEqualTo("PAGE");
        assertThat(queued.channelId()).isEqualTo(email);
        assertThat(queued.body()).contains("Paging " + person.displayName()).contains("escalation step 1 of policy Core");
        assertThat(queued.ackUrl()).contains("/ack/");

        worker.runOnce();
        List<MimeMessage> mail = mailTo(person.email());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).startsWith("📟 Paging " + person.displayName());
        Map<String, String> parts = new java.util.HashMap<>();
        NotificationChannelsTests.collect((jakarta.mail.internet.MimeMultipart) mail.get(0).getContent(), parts);
        assertThat(parts.get("text/plain")).contains("Why: escalation step 1 of policy Core");
        assertThat(parts.get("text/html")).contains("<strong>Why:</strong> escalation step 1 of policy Core");
        assertThat(messages.find(ids.get(0)).orElseThrow().status()).isEqualTo(MessageStatus.SENT);

        String token = queued.ackUrl().substring(queued.ackUrl().indexOf("/ack/") + 5);
        assertThat(links.verify(token).username()).isEqualTo(person.username());
        var done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/ack/" + token))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        var view = incidents.get(String.valueOf(incident));
        assertThat(view.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(view.stages().get(view.stages().size() - 1).by()).isEqualTo(person.username());
    }

    @Test
    void rulesPostToAChannelMentioningThePersonThenEmailAfterTheDelay() throws Exception {
        UserView person = users.create(Role.RESPONDER);
        contacts.update(person.id(), new ContactMethods("U0PAGED", "", "", ""), person.username());
        long slack = slack();
        rules.replace(person.id(), List.of(new NotificationRule(NotificationRule.Method.CHANNEL, slack, 0),
                new NotificationRule(NotificationRule.Method.EMAIL, null, 5)), person.username());
        long incident = declare();
        List<Long> ids = paging.page(new PageRequest(incident, person.id(), "unacknowledged P3 after 5 minutes",
                "test:" + UUID.randomUUID(), "escalation"));
        assertThat(ids).hasSize(2);

        worker.runOnce();
        assertThat(receiver.requests()).hasSize(1);
        String posted = receiver.requests().get(0).body();
        assertThat(posted).contains("<@U0PAGED>").contains("unacknowledged P3 after 5 minutes").contains("/ack/");
        assertThat(mailTo(person.email())).as("email waits for its delay").isEmpty();
        assertThat(messages.find(ids.get(1)).orElseThrow().status()).isEqualTo(MessageStatus.PENDING);

        clock.advance(Duration.ofMinutes(5));
        worker.runOnce();
        assertThat(mailTo(person.email())).hasSize(1);
        assertThat(messages.find(ids.get(1)).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void theSameDedupKeyNeverPagesTwice() {
        UserView person = users.create(Role.RESPONDER);
        long incident = declare();
        String key = "esc:" + incident + ":step1:round0:user" + person.id();
        List<Long> first = paging.page(new PageRequest(incident, person.id(), "step 1", key, "escalation"));
        List<Long> again = paging.page(new PageRequest(incident, person.id(), "step 1", key, "escalation"));
        assertThat(again).isEqualTo(first).hasSize(1);
        assertThat(messages.forIncident(incident).stream().filter(m -> m.template().equals("PAGE"))).hasSize(1);
    }

    @Test
    void pagesNotYetSentAreCancelledWhenTheIncidentIsAcknowledgedOrResolved() throws Exception {
        UserView person = users.create(Role.RESPONDER);
        rules.replace(person.id(), List.of(new NotificationRule(NotificationRule.Method.EMAIL, null, 10)),
                person.username());
        long incident = declare();
        long id = paging.page(new PageRequest(incident, person.id(), "step 1", "test:" + UUID.randomUUID(), "esc"))
                .get(0);
        incidents.acknowledge(String.valueOf(incident), users.create(Role.RESPONDER).username());
        StoredMessage cancelled = messages.find(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("cancelled: acknowledged");
        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertThat(mailTo(person.email())).isEmpty();

        long later = paging.page(new PageRequest(incident, person.id(), "clock at risk", "test:" + UUID.randomUUID(),
                "esc")).get(0);
        incidents.resolve(String.valueOf(incident), person.username());
        assertThat(messages.find(later).orElseThrow().reason()).isEqualTo("cancelled: resolved");
    }

    @Test
    void throttlingIsPerDestinationSoOnePersonsStormNeverHoldsBackAnothersPage() {
        UserView stormy = users.create(Role.RESPONDER);
        UserView calm = users.create(Role.RESPONDER);
        long incident = declare();
        for (int i = 0; i < 10; i++) {
            paging.page(new PageRequest(incident, stormy.id(), "storm " + i, "test:" + UUID.randomUUID(), "esc"));
        }
        worker.runOnce();
        long held = paging.page(new PageRequest(incident, stormy.id(), "one more", "test:" + UUID.randomUUID(), "esc"))
                .get(0);
        long other = paging.page(new PageRequest(incident, calm.id(), "step 1", "test:" + UUID.randomUUID(), "esc"))
                .get(0);
        worker.runOnce();
        assertThat(messages.find(other).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        StoredMessage waiting = messages.find(held).orElseThrow();
        assertThat(waiting.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(waiting.reason()).isEqualTo("throttled: 10 messages per minute to " + stormy.email());
    }

    @Test
    void clockAtRiskIsToldToTheAudienceOfTheLevel() {
        long slack = test.slack(receiver, "risk", List.of("P3")).id();
        long incident = declare();
        notices.clockAtRisk(incident, "RESPONSE", clock.instant().plus(Duration.ofMinutes(2)), "escalation");
        assertThat(messages.forIncident(incident)).anyMatch(m -> m.template().equals("CLOCK_AT_RISK")
                && m.channelId() == slack && m.status() == MessageStatus.PENDING);
        worker.runOnce();
        assertThat(receiver.requests()).anyMatch(r -> r.body().contains("RESPONSE at risk"));
    }

    @Test
    void aPersonWhoCannotBeReachedLeavesAFailedLedgerEntrySayingWhy() {
        UserView person = users.create(Role.RESPONDER);
        long slack = slack();
        rules.replace(person.id(), List.of(new NotificationRule(NotificationRule.Method.CHANNEL, slack, 0)),
                person.username());
        test.disable(slack);
        long incident = declare();
        assertThat(paging.page(new PageRequest(incident, person.id(), "step 1", "test:" + UUID.randomUUID(), "esc")))
                .isEmpty();
        assertThat(messages.forIncident(incident)).anyMatch(m -> m.template().equals("PAGE")
                && m.status() == MessageStatus.FAILED && m.reason().contains("is disabled"));

        assertThat(paging.page(new PageRequest(incident, 987654321L, "step 1", "test:" + UUID.randomUUID(), "esc")))
                .isEmpty();
        assertThat(messages.forIncident(incident)).anyMatch(m -> m.status() == MessageStatus.FAILED
                && m.reason().contains("no such person"));
    }
}
