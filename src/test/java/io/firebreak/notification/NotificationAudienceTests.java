package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.AudienceBook;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import jakarta.mail.internet.MimeMessage;

/**
 * Audiences per level: API and page role checks and validation; people reached by email through
 * the first enabled email channel's SMTP server (GreenMail) and @-mentioned in chat channels.
 */
@FirebreakTest
class NotificationAudienceTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final String LEVEL = "P3";

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    TeamManagement teams;
    @Autowired
    AudienceBook audiences;
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

    Audience saved;
    Receiver receiver;
    List<Long> created = new ArrayList<>();

    @BeforeEach
    void remember() throws Exception {
        saved = audiences.get(LEVEL);
        receiver = new Receiver();
    }

    @AfterEach
    void restore() {
        audiences.put(LEVEL, saved, "test");
        for (long id : created) {
            channels.find(id).ifPresent(c -> channels.update(new ChannelConfig(c.id(), c.name(), c.kind(), c.target(),
                    c.mentions(), c.smtp(), null, c.locale(), c.levels(), c.ackAs(), false, c.customer())));
        }
        receiver.close();
    }

    @Test
    void onlyAdminsEditAudiencesAndBadIdsAreRefusedNamingTheField() {
        String path = "/api/v1/notifications/audiences/" + LEVEL;
        UserView person = users.create(Role.RESPONDER);
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            String token = users.tokenFor(role);
            assertThat(api.get(path, token).status()).isEqualTo(200);
            assertThat(api.put(path, token, Map.of("users", List.of(person.id()))).status()).isEqualTo(403);
        }
        String admin = users.tokenFor(Role.ADMIN);
        for (String field : List.of("channels", "teams", "users")) {
            var r = api.put(path, admin, Map.of(field, List.of(987654321L)));
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body().get("field").asString()).isEqualTo(field);
        }
        assertThat(api.put("/api/v1/notifications/audiences/NOPE", admin, Map.of()).status()).isEqualTo(404);
        var team = teams.create(new TeamDefinition("aud-" + UUID.randomUUID(), "tech team"), "test");
        var ok = api.put(path, admin, Map.of("teams", List.of(team.id()), "users", List.of(person.id())));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        var got = api.get(path, admin).body();
        assertThat(got.get("teams").get(0).asLong()).isEqualTo(team.id());
        assertThat(got.get("users").get(0).asLong()).isEqualTo(person.id());

        UserView responder = users.create(Role.RESPONDER);
        WebSession web = new WebSession(api.baseUrl()).login(responder.username(), TestUsers.PASSWORD);
        assertThat(web.get("/notifications/audiences").status()).isEqualTo(403);
        assertThat(web.post("/notifications/audiences/" + LEVEL, Map.of("users", person.id())).status())
                .isEqualTo(403);
        UserView adminUser = users.create(Role.ADMIN);
        WebSession adminWeb = new WebSession(api.baseUrl()).login(adminUser.username(), TestUsers.PASSWORD);
        var page = adminWeb.get("/notifications/audiences");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(LEVEL).contains(team.name());
        assertThat(adminWeb.post("/notifications/audiences/" + LEVEL, Map.of("teams", 987654321L)).status())
                .isEqualTo(400);
        assertThat(adminWeb.post("/notifications/audiences/" + LEVEL, Map.of("users", person.id())).status())
                .isEqualTo(302);
        assertThat(audiences.get(LEVEL).users()).containsExactly(person.id());
        assertThat(audiences.get(LEVEL).teams()).isEmpty();
    }

    @Test
    void peopleOfTheAudienceAreEmailedAndMentioned() throws Exception {
        channels.addAllowEntry("127.0.0.1");
        UserView member = users.create(Role.RESPONDER);
        UserView direct = users.create(Role.COMMANDER);
        contacts.update(member.id(), new ContactMethods("U0AUDMEMBER", "", "", ""), member.username());
        var team = teams.create(new TeamDefinition("aud-" + UUID.randomUUID(), "tech team"), "test");
        teams.addMember(team.id(), member.id(), "test");
        String slackName = "aud-slack-" + UUID.randomUUID();
        long slack = channels.insert(new ChannelConfig(0, slackName, ChannelKind.SLACK, receiver.url("/" + slackName),
                List.of(), null, null, "en", List.of("NONE"), null, true, false), clock.instant());
        created.add(slack);
        var smtp = new ChannelConfig.SmtpSettings("127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null,
                "firebreak@example.org");
        long email = channels.insert(new ChannelConfig(0, "aud-mail-" + UUID.randomUUID(), ChannelKind.EMAIL,
                "ops-list@example.org", List.of(), smtp, null, "en", List.of("NONE"), null, true, false),
                clock.instant());
        created.add(email);
        audiences.put(LEVEL, new Audience(LEVEL, List.of(slack), List.of(team.id()), List.of(direct.id())), "test");

        var declared = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER),
                Map.of("title", "Audience check", "level", LEVEL));
        assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
        String number = declared.body().get("number").asString();
        worker.runOnce();

        var slackRequests = receiver.requests();
        assertThat(slackRequests).hasSize(1);
        assertThat(slackRequests.get(0).body()).contains("<@U0AUDMEMBER>").contains("Audience check");

        List<String> to = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getSubject().contains(number)) {
                Arrays.stream(m.getAllRecipients()).forEach(a -> to.add(a.toString()));
            }
        }
        assertThat(to).contains(member.email(), direct.email()).doesNotContain("ops-list@example.org");
        var ledger = messages.search(number, null, null, 50);
        assertThat(ledger).anyMatch(m -> m.channelId() == email && m.destination().contains(member.email())
                && m.status() == MessageStatus.SENT);
    }

    @Test
    void withoutAnEnabledEmailChannelTheLedgerSaysWhyNobodyWasEmailed() {
        org.junit.jupiter.api.Assumptions.assumeTrue(channels.all().stream()
                .noneMatch(c -> c.enabled() && c.kind() == ChannelKind.EMAIL && !c.customer()),
                "another enabled email channel exists in the shared database");
        UserView direct = users.create(Role.RESPONDER);
        audiences.put(LEVEL, new Audience(LEVEL, List.of(), List.of(), List.of(direct.id())), "test");
        var declared = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER),
                Map.of("title", "Nobody to send through", "level", LEVEL));
        assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
        var ledger = messages.search(declared.body().get("number").asString(), null, null, 50);
        assertThat(ledger).anyMatch(m -> m.status() == MessageStatus.FAILED && m.destination().contains(direct.email())
                && m.reason().contains("no enabled email channel"));
    }
}
