package io.firebreak.escalation;

import static io.firebreak.escalation.EscalationFixture.schedule;
import static io.firebreak.escalation.EscalationFixture.step;
import static io.firebreak.escalation.EscalationFixture.team;
import static io.firebreak.escalation.EscalationFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.escalation.internal.EscalationWorker;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import jakarta.mail.internet.MimeMessage;

/**
 * The escalation engine on a controllable clock against the real oncall and notification modules:
 * pages are the notification module's page rows (by dedup key) and real emails at GreenMail.
 */
@FirebreakTest
@Import(EscalationFixture.class)
class EscalationEngineTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired EscalationFixture fx;
    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired TeamManagement teams;
    @Autowired EscalationWorker worker;
    @Autowired DeliveryWorker delivery;
    @Autowired ChannelRepository channels;
    @Autowired EscalationManagement escalation;
    @Autowired IncidentManagement incidents;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long mailChannel;

    @BeforeEach
    void emailChannel() {
        var smtp = new ChannelConfig.SmtpSettings("127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null,
                "firebreak@example.org");
        channels.addAllowEntry("127.0.0.1");
        // "0" sorts first by name: people are emailed through this test's server.
        mailChannel = channels.insert(new ChannelConfig(0, "0esc-mail-" + UUID.randomUUID(), ChannelKind.EMAIL,
                "ops-list@example.org", List.of(), smtp, null, "en", List.of("NONE"), null, true, false),
                clock.instant());
    }

    @AfterEach
    void disableChannel() {
        channels.find(mailChannel).ifPresent(c -> channels.update(new ChannelConfig(c.id(), c.name(), c.kind(),
                c.target(), c.mentions(), c.smtp(), null, c.locale(), c.levels(), c.ackAs(), false, c.customer())));
    }

    private List<String> mailedTo() throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            Arrays.stream(m.getAllRecipients()).forEach(a -> out.add(a.toString()));
        }
        return out;
    }

    private static String key(long incident, int round, int step, UserView u) {
        return "esc:" + incident + ":" + round + ":" + step + ":" + u.id() + "=" + u.id();
    }

    @Test
    void unacknowledgedP1PagesPrimaryAtOnceSecondaryAfter15MinutesManagementAfter30() throws Exception {
        UserView primary = users.create(Role.RESPONDER);
        UserView secondary = users.create(Role.RESPONDER);
        UserView boss1 = users.create(Role.COMMANDER);
        UserView boss2 = users.create(Role.COMMANDER);
        long management = teams.create(new TeamDefinition(EscalationFixture.unique("management"), null), "test").id();
        teams.addMember(management, boss1.id(), "test");
        teams.addMember(management, boss2.id(), "test");
        long service = fx.service();
        PolicyView policy = fx.policy(service, 0, 0, List.of(step(0, schedule(fx.scheduleOf(primary.id()))),
                step(15, schedule(fx.scheduleOf(secondary.id()))), step(15, team(management))));

        long incident = fx.declare("P1", service);
        // The first page is written by the after-commit listener, before the API call even answered.
        assertThat(fx.pages(incident)).containsExactly(key(incident, 0, 1, primary));
        delivery.runOnce();
        assertThat(mailedTo()).contains(primary.email()).doesNotContain(secondary.email());

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).as("never early: not at 14:59").hasSize(1);
        EscalationState waiting = escalation.state(String.valueOf(incident));
        assertThat(waiting.state()).isEqualTo("ACTIVE");
        assertThat(waiting.policyName()).isEqualTo(policy.name());
        assertThat(waiting.currentStep()).isEqualTo(1);
        assertThat(waiting.nextStep()).isEqualTo(2);
        assertThat(waiting.nextDueAt()).isCloseTo(clock.instant().plusSeconds(1), within(1, ChronoUnit.MILLIS));

        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).containsExactly(key(incident, 0, 1, primary), key(incident, 0, 2, secondary));
        delivery.runOnce();
        assertThat(mailedTo()).contains(secondary.email()).doesNotContain(boss1.email());

        clock.advance(Duration.ofMinutes(15));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(4).contains(key(incident, 0, 3, boss1), key(incident, 0, 3, boss2));
        delivery.runOnce();
        assertThat(mailedTo()).contains(boss1.email(), boss2.email());

        EscalationState done = escalation.state(String.valueOf(incident));
        assertThat(done.state()).isEqualTo("STOPPED");
        assertThat(done.stopReason()).isEqualTo("EXHAUSTED");
        assertThat(done.pages()).extracting(EscalationState.Page::username)
                .containsExactly(primary.username(), secondary.username(), boss1.username(), boss2.username());
        assertThat(fx.timeline(incident, "ESCALATION_STEP")).isEqualTo(3);
        assertThat(fx.timeline(incident, "ESCALATION_STOPPED")).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(4);
    }

    @Test
    void acknowledgedAtMinute10NothingMoreIsPaged() {
        UserView primary = users.create(Role.RESPONDER);
        UserView secondary = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 2, 5, List.of(step(0, user(primary.id())), step(15, user(secondary.id()))));
        long incident = fx.declare("P1", service);
        assertThat(fx.pagedUsers(incident)).containsExactly(primary.id());

        clock.advance(Duration.ofMinutes(10));
        var ack = api.post("/api/v1/incidents/" + incident + "/acknowledge", users.tokenFor(Role.RESPONDER), Map.of());
        assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
        EscalationState stopped = escalation.state(String.valueOf(incident));
        assertThat(stopped.state()).isEqualTo("STOPPED");
        assertThat(stopped.stopReason()).isEqualTo("ACKNOWLEDGED");
        assertThat(stopped.nextDueAt()).isNull();

        clock.advance(Duration.ofHours(2));
        worker.runOnce();
        assertThat(fx.pagedUsers(incident)).containsExactly(primary.id());
        assertThat(fx.timeline(incident, "ESCALATION_STOPPED")).isEqualTo(1);
    }

    @Test
    void aMissedStopEventIsRepairedBeforePaging() {
        UserView primary = users.create(Role.RESPONDER);
        UserView secondary = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(primary.id())), step(5, user(secondary.id()))));
        long incident = fx.declare("P2", service);
        // Acknowledge, then put the escalation back to ACTIVE as if the stop had never been recorded.
        incidents.acknowledge(String.valueOf(incident), "test");
        jdbc.sql("UPDATE escalation_incident SET state = 'ACTIVE', stop_reason = NULL, due_at = :due "
                + "WHERE incident_id = :id").param("due", clock.instant().plusSeconds(300).atOffset(java.time.ZoneOffset.UTC))
                .param("id", incident).update();
        clock.advance(Duration.ofMinutes(5));
        worker.runOnce();
        assertThat(fx.pagedUsers(incident)).containsExactly(primary.id());
        assertThat(escalation.state(String.valueOf(incident)).stopReason()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void theWholePolicyRepeatsAfterItsRepeatDelay() {
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 1, 10, List.of(step(0, user(a.id())), step(5, user(b.id()))));
        long incident = fx.declare("P2", service);
        clock.advance(Duration.ofMinutes(5));
        worker.runOnce();
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).containsExactly(key(incident, 0, 1, a), key(incident, 0, 2, b));
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(3).contains(key(incident, 1, 1, a));
        clock.advance(Duration.ofMinutes(5));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(4).contains(key(incident, 1, 2, b));
        assertThat(escalation.state(String.valueOf(incident)).stopReason()).isEqualTo("EXHAUSTED");
        clock.advance(Duration.ofHours(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(4);
    }

    @Test
    void escalateNowPagesTheNextStepAtOnceAndCountsTheNextDelayFromThen() {
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        UserView c = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(a.id())), step(30, user(b.id())), step(10, user(c.id()))));
        long incident = fx.declare("P1", service);
        clock.advance(Duration.ofMinutes(2));

        String responder = users.tokenFor(Role.RESPONDER);
        var now = api.post("/api/v1/incidents/" + incident + "/escalation/escalate-now", responder, Map.of());
        assertThat(now.status()).as(now.raw()).isEqualTo(200);
        assertThat(now.body().get("currentStep").asInt()).isEqualTo(2);
        assertThat(fx.pagedUsers(incident)).containsExactly(a.id(), b.id());
        EscalationState state = escalation.state(String.valueOf(incident));
        assertThat(state.nextStep()).isEqualTo(3);
        assertThat(state.nextDueAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(10)), within(1, ChronoUnit.MILLIS));
        assertThat(state.pages().get(1).actor()).isNotEqualTo("system");

        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertThat(fx.pagedUsers(incident)).containsExactly(a.id(), b.id(), c.id());
        // Nothing left: escalate now answers with the state and pages nobody.
        assertThat(escalation.escalateNow(String.valueOf(incident), "test")).isZero();
        assertThat(fx.pagedUsers(incident)).hasSize(3);

        assertThat(api.post("/api/v1/incidents/" + incident + "/escalation/escalate-now",
                users.tokenFor(Role.VIEWER), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void reassignPagesTheChosenPersonMakesThemOnCallAndStopsTheEscalation() {
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        UserView expert = users.create(Role.RESPONDER);
        UserView nightOwl = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(a.id())), step(15, user(b.id()))));
        long incident = fx.declare("P1", service);
        String responder = users.tokenFor(Role.RESPONDER);

        var res = api.post("/api/v1/incidents/" + incident + "/escalation/reassign", responder,
                Map.of("userId", expert.id()));
        assertThat(res.status()).as(res.raw()).isEqualTo(200);
        assertThat(res.body().get("stopReason").asString()).isEqualTo("REASSIGNED");
        assertThat(fx.pages(incident)).contains("esc:" + incident + ":reassign1:" + expert.id() + "=" + expert.id());
        assertThat(incidents.get(String.valueOf(incident)).roles()).extracting(RoleAssignment::role,
                RoleAssignment::userId).contains(org.assertj.core.groups.Tuple.tuple(IncidentRole.ON_CALL, expert.id()));

        // A schedule: whoever is on call on it now.
        long nights = fx.scheduleOf(nightOwl.id());
        assertThat(api.post("/api/v1/incidents/" + incident + "/escalation/reassign", responder,
                Map.of("scheduleId", nights)).status()).isEqualTo(200);
        assertThat(fx.pagedUsers(incident)).containsExactly(a.id(), expert.id(), nightOwl.id());

        clock.advance(Duration.ofMinutes(30));
        worker.runOnce();
        assertThat(fx.pagedUsers(incident)).doesNotContain(b.id());

        var bad = api.post("/api/v1/incidents/" + incident + "/escalation/reassign", responder,
                Map.of("userId", expert.id(), "scheduleId", nights));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("userId");
        assertThat(api.post("/api/v1/incidents/" + incident + "/escalation/reassign", users.tokenFor(Role.VIEWER),
                Map.of("userId", expert.id())).status()).isEqualTo(403);
    }

    @Test
    void twoConcurrentWorkerPassesPageEachTargetExactlyOnce() throws Exception {
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        UserView c = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(a.id())), step(5, user(b.id()), user(c.id()))));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(fx.declare("P2", service));
        }
        clock.advance(Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                passes.add(pool.submit(() -> {
                    go.await();
                    return worker.pageDue();
                }));
            }
            go.countDown();
            int paged = 0;
            for (Future<Integer> f : passes) {
                paged += f.get();
            }
            worker.pageDue();
            assertThat(paged).isLessThanOrEqualTo(ids.size());
        } finally {
            pool.shutdown();
        }
        for (long incident : ids) {
            assertThat(fx.pagedUsers(incident)).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
            assertThat(fx.timeline(incident, "ESCALATION_STEP")).as("one step-2 entry per incident").isEqualTo(2);
            assertThat(escalation.state(String.valueOf(incident)).pages()).hasSize(3);
        }
    }

    @Test
    void theReconcilingPassStartsAMissedEscalation() {
        UserView a = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(a.id()))));
        long incident = fx.declare("P1", service);
        // As if the instance died right after the incident committed: no escalation row, no page.
        jdbc.sql("DELETE FROM escalation_page WHERE incident_id = :id").param("id", incident).update();
        jdbc.sql("DELETE FROM escalation_incident WHERE incident_id = :id").param("id", incident).update();
        jdbc.sql("DELETE FROM notification_page WHERE incident_id = :id").param("id", incident).update();
        assertThat(escalation.state(String.valueOf(incident)).state()).isEqualTo("NOT_STARTED");

        worker.runOnce();
        assertThat(fx.pagedUsers(incident)).containsExactly(a.id());
        assertThat(escalation.state(String.valueOf(incident)).state()).isEqualTo("STOPPED");
    }

    @Test
    void aReopenedIncidentEscalatesAgainFromStep1WithKeysOfItsOwn() {
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(a.id())), step(10, user(b.id()))));
        long incident = fx.declare("P2", service);
        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertThat(fx.pages(incident)).containsExactly(key(incident, 0, 1, a), key(incident, 0, 2, b));
        String responder = users.tokenFor(Role.RESPONDER);
        assertThat(api.post("/api/v1/incidents/" + incident + "/resolve", responder, Map.of()).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        var reopened = api.post("/api/v1/incidents/" + incident + "/reopen", responder,
                Map.of("reason", "errors are back"));
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        EscalationState again = escalation.state(String.valueOf(incident));
        assertThat(again.state()).isEqualTo("ACTIVE");
        assertThat(again.nextStep()).isEqualTo(1);
        assertThat(again.nextDueAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        worker.runOnce();
        String run1 = "esc:" + incident + ":run1:0:";
        assertThat(fx.pages(incident)).hasSize(3).contains(run1 + "1:" + a.id() + "=" + a.id());

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).as("never early: not at 9:59 after the reopen").hasSize(3);
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(4).contains(run1 + "2:" + b.id() + "=" + b.id());
        assertThat(fx.timeline(incident, "ESCALATION_STEP")).isEqualTo(4);
        assertThat(escalation.state(String.valueOf(incident)).stopReason()).isEqualTo("EXHAUSTED");

        // Reopened a second time, then mitigated before step 2: the third run stops there.
        assertThat(api.post("/api/v1/incidents/" + incident + "/resolve", responder, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/incidents/" + incident + "/reopen", responder,
                Map.of("reason", "and again")).status()).isEqualTo(200);
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(5).contains("esc:" + incident + ":run2:0:1:" + a.id() + "=" + a.id());
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post("/api/v1/incidents/" + incident + "/mitigate", responder, Map.of()).status()).isEqualTo(200);
        assertThat(escalation.state(String.valueOf(incident)).state()).isEqualTo("STOPPED");
        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertThat(fx.pages(incident)).hasSize(5);
    }

    @Test
    void reopeningAnIncidentWhoseServiceHadNoPolicyStartsTheOneItHasNow() {
        UserView a = users.create(Role.RESPONDER);
        long service = fx.service();
        long incident = fx.declare("P3", service);
        assertThat(escalation.state(String.valueOf(incident)).state()).isIn("NONE", "NOT_STARTED");
        String responder = users.tokenFor(Role.RESPONDER);
        assertThat(api.post("/api/v1/incidents/" + incident + "/resolve", responder, Map.of()).status()).isEqualTo(200);
        fx.policy(service, 0, 0, List.of(step(0, user(a.id()))));
        assertThat(api.post("/api/v1/incidents/" + incident + "/reopen", responder,
                Map.of("reason", "not fixed")).status()).isEqualTo(200);
        worker.runOnce();
        assertThat(fx.pages(incident)).containsExactly("esc:" + incident + ":run1:0:1:" + a.id() + "=" + a.id());
    }

    @Test
    void incidentsWithoutAPolicyOfTheirServiceEscalateWithTheDefault() {
        UserView a = users.create(Role.RESPONDER);
        PolicyView fallback = escalation.create(new PolicyDefinition(EscalationFixture.unique("default"), null, 0, 0,
                true, List.of(), List.of(step(0, user(a.id())))), "test");
        try {
            long incident = fx.declare("P3", fx.service());
            assertThat(fx.pagedUsers(incident)).containsExactly(a.id());
            assertThat(escalation.state(String.valueOf(incident)).policyId()).isEqualTo(fallback.id());
        } finally {
            escalation.update(fallback.id(), new PolicyDefinition(fallback.name(), null, 0, 0, false, List.of(),
                    List.of(step(0, user(a.id())))), "test");
        }
        long later = fx.declare("P3", 0);
        assertThat(fx.pagedUsers(later)).isEmpty();
        assertThat(escalation.state(String.valueOf(later)).state()).isEqualTo("NONE");
    }
}
