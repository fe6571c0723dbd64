package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.escalation.rules.ClockRuleWorker;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserView;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentView;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import io.firebreak.timeline.TimelineEntryView;
import io.firebreak.timeline.TimelineManagement;

/** The seeded clock rules fire at their time, never early, once per period, also with two workers. */
@FirebreakTest
class ClockRuleFiringTests {

    @Autowired IncidentManagement incidents;
    @Autowired ClockRuleManagement rules;
    @Autowired ClockRuleWorker worker;
    @Autowired TimelineManagement timeline;
    @Autowired TeamManagement teams;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired EscalationManagement escalation;
    @Autowired CatalogManagement catalog;

    @Test
    void unacknowledgedP0PagesManagementAtFiveMinutesNotEarlierAndOnlyOnce() {
        UserView manager = users.create(Role.COMMANDER);
        TeamView management = teams.list().stream().filter(t -> t.name().equalsIgnoreCase("management")).findFirst()
                .orElseGet(() -> teams.create(new TeamDefinition("management", "paged by clock rules"), "test"));
        teams.addMember(management.id(), manager.id(), "test");
        IncidentView p0 = declare("P0", "P0 nobody acknowledges");
        ClockRuleView rule = seeded("p0-unacknowledged");
        awaitDue(p0, rule);

        moveTo(detected(p0).plus(Duration.ofMinutes(5)).minusSeconds(1));
        worker.runOnce();
        assertThat(firings(p0, rule)).isEmpty();

        moveTo(detected(p0).plus(Duration.ofMinutes(5)));
        worker.runOnce();
        assertThat(firings(p0, rule)).hasSize(1);
        assertThat(ruleEntries(p0, rule)).singleElement().satisfies(e -> assertThat(e.text())
                .contains(rule.nameEn()).contains(manager.username()));

        worker.runOnce();
        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertThat(firings(p0, rule)).hasSize(1);
    }

    @Test
    void unreportedAfterFifteenMinutesPagesTheNextEscalationStep() {
        UserView primary = users.create(Role.RESPONDER);
        UserView secondary = users.create(Role.RESPONDER);
        ServiceView service = catalog.create(new ServiceDefinition("rules-svc-" + System.nanoTime(), null, null, false,
                2, List.of()), "test");
        escalation.create(new PolicyDefinition("rules-policy-" + System.nanoTime(), null, 0, null, false,
                List.of(service.id()), List.of(new PolicyStep(0, List.of(new PolicyTarget(TargetKind.USER, primary.id()))),
                        new PolicyStep(60, List.of(new PolicyTarget(TargetKind.USER, secondary.id()))))), "test");
        IncidentView p2 = incidents.declare(new DeclareIncident("P2 nobody reports", null, List.of(service.id()), "P2",
                null, null, null), "test");
        ClockRuleView rule = seeded("stage-report-15");
        awaitDue(p2, rule);
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(1).equals(escalation.state(p2.number()).currentStep()));

        moveTo(detected(p2).plus(Duration.ofMinutes(15)).minusSeconds(1));
        worker.runOnce();
        assertThat(escalation.state(p2.number()).currentStep()).isEqualTo(1);

        moveTo(detected(p2).plus(Duration.ofMinutes(15)));
        worker.runOnce();
        assertThat(escalation.state(p2.number()).currentStep()).isEqualTo(2);
        assertThat(ruleEntries(p2, rule)).singleElement().satisfies(e -> assertThat(e.text()).contains("step 2"));
    }

    @Test
    void theCommsLeadIsRemindedByName() {
        UserView comms = users.create(Role.RESPONDER);
        IncidentView p1 = declare("P1", "P1 with a comms lead");
        incidents.acknowledge(p1.number(), "test");
        incidents.assignRole(p1.number(), "test", IncidentRole.COMMS_LEAD, comms.id());
        ClockRuleView rule = seeded("update-cadence-p1");
        awaitDue(p1, rule);
        moveTo(detected(p1).plus(Duration.ofMinutes(60)));
        worker.runOnce();
        assertThat(ruleEntries(p1, rule)).singleElement().satisfies(e -> assertThat(e.text())
                .contains("comms lead reminded").contains(comms.username()));
    }

    @Test
    void theStageDeadlinesAndTheAtRiskRuleFireEachAtItsTime() {
        UserView commander = users.create(Role.COMMANDER);
        IncidentView p1 = declare("P1", "P1 through the stages");
        incidents.assignRole(p1.number(), "test", IncidentRole.COMMANDER, commander.id());
        ClockRuleView atRisk = seeded("at-risk-80");
        awaitDue(p1, atRisk);
        Instant t0 = detected(p1);

        // 80% of the 15-minute response target, then 80% of the 4-hour resolution target.
        firesAt(p1, atRisk, t0.plus(Duration.ofMinutes(12)), 1);
        incidents.acknowledge(p1.number(), "test");
        firesAt(p1, seeded("stage-grade-30"), t0.plus(Duration.ofMinutes(30)), 1);
        firesAt(p1, seeded("stage-respond-60"), t0.plus(Duration.ofMinutes(60)), 1);
        firesAt(p1, atRisk, t0.plus(Duration.ofMinutes(192)), 2);
        firesAt(p1, seeded("stage-root-cause-240"), t0.plus(Duration.ofMinutes(240)), 1);
        moveTo(t0.plus(Duration.ofMinutes(250)));
        IncidentView resolved = incidents.resolve(p1.number(), "test");
        Instant resolvedAt = resolved.stages().getLast().at();
        ClockRuleView review = seeded("stage-review-24h");
        awaitDue(p1, review);
        firesAt(p1, review, resolvedAt.plus(Duration.ofHours(24)), 1);

        List<TimelineEntryView> marks = ruleEntries(p1, atRisk);
        assertThat(marks).hasSize(2);
        assertThat(marks.get(0).text()).contains("target at risk").contains("RESPONSE target due")
                .contains("audience was notified");
        assertThat(marks.get(1).text()).contains("RESOLUTION");
        assertThat(ruleEntries(p1, seeded("stage-grade-30"))).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("commander notified").contains(commander.username()));
    }

    /** Not fired a microsecond before {@code at}, fired ({@code count} firings in all) at {@code at}, not again. */
    private void firesAt(IncidentView incident, ClockRuleView rule, Instant at, int count) {
        moveTo(at.minusNanos(1000));
        worker.runOnce();
        assertThat(firings(incident, rule)).as("%s before %s", rule.nameEn(), at).hasSize(count - 1);
        moveTo(at);
        worker.runOnce();
        worker.runOnce();
        assertThat(firings(incident, rule)).as("%s at %s", rule.nameEn(), at).hasSize(count);
    }

    @Test
    void acknowledgedAtFourMinutesNothingFires() {
        IncidentView p0 = declare("P0", "P0 acknowledged in time");
        ClockRuleView rule = seeded("p0-unacknowledged");
        awaitDue(p0, rule);
        moveTo(detected(p0).plus(Duration.ofMinutes(4)));
        incidents.acknowledge(p0.number(), "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> due(p0, rule).isEmpty());

        moveTo(detected(p0).plus(Duration.ofMinutes(5)));
        worker.runOnce();
        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertThat(firings(p0, rule)).isEmpty();
        assertThat(ruleEntries(p0, rule)).isEmpty();
    }

    @Test
    void noRootCauseAfterThirtyMinutesRaisesToP1AndAFoundCauseDoesNot() {
        IncidentView unknown = declare("P2", "P2 without a root cause");
        IncidentView known = declare("P3", "P3 with a root cause");
        IncidentView severe = declare("P0", "P0 is never lowered");
        ClockRuleView rule = seeded("no-root-cause-30");
        awaitDue(unknown, rule);
        awaitDue(known, rule);
        assertThat(due(severe, rule)).isEmpty();
        incidents.updateCause(known.number(), "test", "bad deploy", null, "missing index");

        moveTo(detected(unknown).plus(Duration.ofMinutes(30)).minusNanos(1000));
        worker.runOnce();
        assertThat(incidents.get(unknown.number()).levelCode()).isEqualTo("P2");

        moveTo(detected(known).plus(Duration.ofMinutes(30)));
        worker.runOnce();
        IncidentView raised = incidents.get(unknown.number());
        assertThat(raised.levelCode()).isEqualTo("P1");
        assertThat(ruleEntries(raised, rule)).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("P2 → P1"));
        assertThat(timeline.entries(raised.id()).stream().filter(e -> e.kind().equals("SEVERITY_CHANGED"))
                .map(TimelineEntryView::detail).toList()).anySatisfy(d -> assertThat(d).contains(rule.nameEn()));
        assertThat(incidents.get(known.number()).levelCode()).isEqualTo("P3");
        assertThat(incidents.get(severe.number()).levelCode()).isEqualTo("P0");
        assertThat(firings(known, rule)).isEmpty();
    }

    @Test
    void statusUpdateRemindersEveryThirtyMinutesForP0UntilResolved() {
        IncidentView p0 = declare("P0", "P0 needs updates");
        ClockRuleView rule = seeded("update-cadence-p0");
        incidents.acknowledge(p0.number(), "test");
        awaitDue(p0, rule);
        Instant t0 = detected(p0);
        int[] expected = { 0, 1, 1, 2, 3 };
        Duration[] at = { Duration.ofMinutes(30).minusSeconds(1), Duration.ofMinutes(30), Duration.ofMinutes(59),
                Duration.ofMinutes(60), Duration.ofMinutes(90) };
        for (int i = 0; i < at.length; i++) {
            moveTo(t0.plus(at[i]));
            worker.runOnce();
            worker.runOnce();
            assertThat(firings(p0, rule)).as("at %s", at[i]).hasSize(expected[i]);
        }
        assertThat(ruleEntries(p0, rule)).hasSize(3)
                .allSatisfy(e -> assertThat(e.text()).contains("nobody holds COMMS_LEAD"));

        incidents.resolve(p0.number(), "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> due(p0, rule).isEmpty());
        moveTo(t0.plus(Duration.ofMinutes(150)));
        worker.runOnce();
        assertThat(firings(p0, rule)).hasSize(3);
    }

    @Test
    void twoConcurrentPassesFireOnce() throws Exception {
        IncidentView p3 = declare("P3", "P3 raced by two workers");
        ClockRuleView rule = seeded("no-root-cause-30");
        awaitDue(p3, rule);
        moveTo(detected(p3).plus(Duration.ofMinutes(30)));
        CountDownLatch start = new CountDownLatch(1);
        var one = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return worker.runOnce();
        });
        var two = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return worker.runOnce();
        });
        start.countDown();
        one.get();
        two.get();
        assertThat(firings(p3, rule)).hasSize(1);
        assertThat(ruleEntries(p3, rule)).hasSize(1);
        assertThat(incidents.get(p3.number()).levelCode()).isEqualTo("P1");
    }

    @Test
    void theReconcilingPassRepairsADeletedDueRow() {
        IncidentView p2 = declare("P2", "P2 whose due row is lost");
        ClockRuleView rule = seeded("no-root-cause-30");
        awaitDue(p2, rule);
        jdbc.sql("DELETE FROM escalation_rule_due WHERE incident_id = :i").param("i", p2.id()).update();
        assertThat(due(p2, rule)).isEmpty();

        worker.reconcile();
        assertThat(due(p2, rule)).singleElement()
                .satisfies(d -> assertThat(d.dueAt()).isEqualTo(detected(p2).plus(Duration.ofMinutes(30))));
        moveTo(detected(p2).plus(Duration.ofMinutes(30)));
        worker.runOnce();
        assertThat(firings(p2, rule)).hasSize(1);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private IncidentView declare(String level, String title) {
        return incidents.declare(new DeclareIncident(title, null, List.of(), level, null, null, null), "test");
    }

    private ClockRuleView seeded(String key) {
        return rules.list().stream().filter(r -> key.equals(r.seedKey())).findFirst().orElseThrow();
    }

    private static Instant detected(IncidentView i) {
        return i.stages().getFirst().at();
    }

    private void moveTo(Instant t) {
        Duration d = Duration.between(clock.instant(), t);
        assertThat(d.isNegative()).as("the shared clock is already past %s", t).isFalse();
        clock.advance(d);
    }

    private List<ClockRuleDue> due(IncidentView i, ClockRuleView rule) {
        return rules.pending(i.id()).stream().filter(d -> d.ruleId() == rule.id()).toList();
    }

    private void awaitDue(IncidentView i, ClockRuleView rule) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !due(i, rule).isEmpty());
    }

    private List<ClockRuleFiring> firings(IncidentView i, ClockRuleView rule) {
        return rules.firings(i.id()).stream().filter(f -> f.ruleId() == rule.id()).toList();
    }

    private List<TimelineEntryView> ruleEntries(IncidentView i, ClockRuleView rule) {
        return timeline.entries(i.id(), Locale.ENGLISH, ZoneOffset.UTC).stream()
                .filter(e -> e.kind().equals("CLOCK_RULE_FIRED") && e.text().contains(rule.nameEn())).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
