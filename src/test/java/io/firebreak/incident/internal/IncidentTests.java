package io.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.firebreak.incident.ClockKind;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PermissionDeniedException;

/** Every transition rule of the incident aggregate, without Spring or a database. */
class IncidentTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Incident.Level P0 = new Incident.Level("P0-P3", "P0", "Emergency", 0,
            T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofHours(1)));
    private static final Incident.Level P2 = new Incident.Level("P0-P3", "P2", "Medium", 2,
            T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)));

    private Instant now = T0;

    private Instant tick() {
        now = now.plusSeconds(60);
        return now;
    }

    private Incident declared(boolean confirmed) {
        return Incident.declare(3, "Checkout down", null, List.of(), P0, confirmed, null, null, T0, "alice", T0);
    }

    private Incident at(IncidentStatus status) {
        Incident i = declared(false);
        switch (status) {
            case DETECTED -> { }
            case VERIFIED -> {
                i.advance(IncidentStatus.RESOLVED, "bob", tick());
                passAll(i);
                i.verify("bob", tick());
            }
            case CLOSED -> {
                i.advance(IncidentStatus.RESOLVED, "bob", tick());
                passAll(i);
                i.verify("bob", tick());
                i.close("bob", tick(), null, false, false);
            }
            default -> i.advance(status, "bob", tick());
        }
        assertThat(i.status()).isEqualTo(status);
        return i;
    }

    private void passAll(Incident i) {
        for (VerificationCheck c : VerificationCheck.values()) {
            i.checkVerification(c, true, null, "bob", tick());
        }
    }

    private static Stage stageOf(IncidentStatus s) {
        return Stage.valueOf(s.name());
    }

    // ---- declaration ----------------------------------------------------------------------

    @Test
    void declarationStampsDetectedAtDetectionTimeAndStartsBothClocks() {
        Incident i = declared(false);
        assertThat(i.number()).isEqualTo("INC-3");
        assertThat(i.status()).isEqualTo(IncidentStatus.DETECTED);
        assertThat(i.stages()).containsExactly(new StageStamp(Stage.DETECTED, T0, "alice"));
        assertThat(i.levelConfirmed()).isFalse();
        assertThat(i.clock(ClockKind.RESPONSE).dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(i.clock(ClockKind.RESOLUTION).dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(i.clocks()).allSatisfy(c -> assertThat(c.stoppedAt()).isNull());
    }

    @Test
    void declarationWithConfirmedLevelStampsTriaged() {
        Incident i = declared(true);
        assertThat(i.levelConfirmed()).isTrue();
        assertThat(i.stages()).extracting(StageStamp::stage).containsExactly(Stage.DETECTED, Stage.TRIAGED);
    }

    // ---- forward moves --------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = { "ACKNOWLEDGED", "INVESTIGATING", "MITIGATED", "RESOLVED" })
    void everyForwardMoveFromDetectedIsAllowedAndStamped(IncidentStatus target) {
        Incident i = declared(false);
        Instant when = tick();
        assertThat(i.advance(target, "bob", when)).isEqualTo(IncidentStatus.DETECTED);
        assertThat(i.status()).isEqualTo(target);
        assertThat(i.stages()).contains(new StageStamp(stageOf(target), when, "bob"));
        assertThat(i.updatedAt()).isEqualTo(when);
    }

    @Test
    void stepByStepLifecycleStampsEveryStage() {
        Incident i = declared(false);
        i.advance(IncidentStatus.ACKNOWLEDGED, "bob", tick());
        i.advance(IncidentStatus.INVESTIGATING, "bob", tick());
        i.advance(IncidentStatus.MITIGATED, "bob", tick());
        i.advance(IncidentStatus.RESOLVED, "bob", tick());
        passAll(i);
        i.verify("carol", tick());
        i.close("carol", tick(), null, false, false);
        assertThat(i.stages()).extracting(StageStamp::stage).containsExactly(Stage.DETECTED, Stage.ACKNOWLEDGED,
                Stage.INVESTIGATING, Stage.MITIGATED, Stage.RESOLVED, Stage.VERIFIED, Stage.CLOSED);
        assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void skippedStagesAreNotStamped() {
        Incident i = declared(false);
        i.advance(IncidentStatus.MITIGATED, "bob", tick());
        assertThat(i.stages()).extracting(StageStamp::stage).containsExactly(Stage.DETECTED, Stage.MITIGATED);
    }

    @Test
    void movingToTheSameStatusIsRefused() {
        Incident i = at(IncidentStatus.INVESTIGATING);
        assertThatThrownBy(() -> i.advance(IncidentStatus.INVESTIGATING, "bob", tick()))
                .isInstanceOf(ConflictException.class).hasMessage("INC-3 is already INVESTIGATING.");
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = { "INVESTIGATING", "MITIGATED", "RESOLVED", "VERIFIED" })
    void goingBackToAcknowledgedIsRefusedWithAReason(IncidentStatus from) {
        Incident i = at(from);
        assertThatThrownBy(() -> i.advance(IncidentStatus.ACKNOWLEDGED, "bob", tick()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("INC-3 is " + from + "; it cannot go back to ACKNOWLEDGED (reopen it instead).");
    }

    @Test
    void mitigatedCannotGoBackToInvestigating() {
        Incident i = at(IncidentStatus.MITIGATED);
        assertThatThrownBy(() -> i.advance(IncidentStatus.INVESTIGATING, "bob", tick()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("INC-3 is MITIGATED; it cannot go back to INVESTIGATING (reopen it instead).");
    }

    // ---- clocks ---------------------------------------------------------------------------

    @Test
    void acknowledgingStopsTheResponseClockOnly() {
        Incident i = declared(false);
        Instant when = tick();
        i.advance(IncidentStatus.ACKNOWLEDGED, "bob", when);
        assertThat(i.clock(ClockKind.RESPONSE).stoppedAt()).isEqualTo(when);
        assertThat(i.clock(ClockKind.RESOLUTION).stoppedAt()).isNull();
    }

    @Test
    void skippingAcknowledgementStillStopsTheResponseClock() {
        Incident i = declared(false);
        Instant when = tick();
        i.advance(IncidentStatus.INVESTIGATING, "bob", when);
        assertThat(i.clock(ClockKind.RESPONSE).stoppedAt()).isEqualTo(when);
    }

    @Test
    void resolvingStopsTheResolutionClockAndLaterMovesKeepTheFirstStop() {
        Incident i = declared(false);
        Instant resolved = tick();
        i.advance(IncidentStatus.RESOLVED, "bob", resolved);
        passAll(i);
        i.verify("bob", tick());
        assertThat(i.clock(ClockKind.RESOLUTION).stoppedAt()).isEqualTo(resolved);
        assertThat(i.clock(ClockKind.RESPONSE).stoppedAt()).isEqualTo(resolved);
    }

    // ---- verification ---------------------------------------------------------------------

    @Test
    void verifyNeedsEveryChecklistItem() {
        Incident i = at(IncidentStatus.RESOLVED);
        i.checkVerification(VerificationCheck.HEALTH_CHECK, true, null, "bob", tick());
        i.checkVerification(VerificationCheck.SMOKE_TEST, true, null, "bob", tick());
        i.checkVerification(VerificationCheck.METRICS_NORMAL, false, "p99 still high", "bob", tick());
        assertThatThrownBy(() -> i.verify("bob", tick())).isInstanceOf(ConflictException.class)
                .hasMessage("INC-3 cannot be verified: the checklist item(s) METRICS_NORMAL, USER_FEEDBACK have not passed.");
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        i.checkVerification(VerificationCheck.METRICS_NORMAL, true, null, "bob", tick());
        i.checkVerification(VerificationCheck.USER_FEEDBACK, true, null, "bob", tick());
        i.verify("bob", tick());
        assertThat(i.status()).isEqualTo(IncidentStatus.VERIFIED);
    }

    @Test
    void verifyMaySkipResolvedWhenTheChecklistPassed() {
        Incident i = at(IncidentStatus.INVESTIGATING);
        passAll(i);
        Instant when = tick();
        assertThat(i.verify("bob", when)).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.stages()).extracting(StageStamp::stage).doesNotContain(Stage.RESOLVED).contains(Stage.VERIFIED);
        assertThat(i.clock(ClockKind.RESOLUTION).stoppedAt()).isEqualTo(when);
    }

    @Test
    void aPassedItemCanBeUnticked() {
        Incident i = at(IncidentStatus.RESOLVED);
        passAll(i);
        i.checkVerification(VerificationCheck.SMOKE_TEST, false, "checkout fails again", "bob", tick());
        assertThatThrownBy(() -> i.verify("bob", tick())).hasMessageContaining("SMOKE_TEST");
    }

    @Test
    void verifyingTwiceIsRefused() {
        Incident i = at(IncidentStatus.VERIFIED);
        assertThatThrownBy(() -> i.verify("bob", tick())).isInstanceOf(ConflictException.class)
                .hasMessage("INC-3 is already VERIFIED.");
    }

    // ---- closing --------------------------------------------------------------------------

    @Test
    void aResponderClosesAVerifiedIncidentWithoutReason() {
        Incident i = at(IncidentStatus.VERIFIED);
        assertThat(i.close("bob", tick(), null, false, false)).isEqualTo(IncidentStatus.VERIFIED);
        assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(i.falseAlarm()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = { "DETECTED", "ACKNOWLEDGED", "INVESTIGATING", "MITIGATED", "RESOLVED" })
    void closingBeforeVerifiedIsReservedToCommanders(IncidentStatus from) {
        Incident i = at(from);
        assertThatThrownBy(() -> i.close("bob", tick(), "duplicate", false, false))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessage("Only a commander may close INC-3 while it is " + from + " (not yet VERIFIED).");
        assertThat(i.status()).isEqualTo(from);
    }

    @Test
    void aCommanderClosingBeforeVerifiedMustGiveAReason() {
        Incident i = at(IncidentStatus.RESOLVED);
        assertThatThrownBy(() -> i.close("cmd", tick(), " ", false, true))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("reason"));
        i.close("cmd", tick(), "customer confirmed, checks not needed", false, true);
        assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(i.closeReason()).isEqualTo("customer confirmed, checks not needed");
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = { "DETECTED", "ACKNOWLEDGED", "INVESTIGATING", "MITIGATED", "RESOLVED", "VERIFIED" })
    void aFalseAlarmClosesFromAnyOpenStatusWithAReason(IncidentStatus from) {
        Incident i = at(from);
        assertThatThrownBy(() -> i.close("bob", tick(), null, true, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("false alarm");
        i.close("bob", tick(), "probe misconfigured", true, false);
        assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(i.falseAlarm()).isTrue();
        assertThat(i.clocks()).allSatisfy(c -> assertThat(c.stoppedAt()).isNotNull());
    }

    @Test
    void closingTwiceIsRefused() {
        Incident i = at(IncidentStatus.CLOSED);
        assertThatThrownBy(() -> i.close("cmd", tick(), "again", false, true))
                .isInstanceOf(ConflictException.class).hasMessage("INC-3 is already CLOSED.");
    }

    // ---- reopening ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = { "RESOLVED", "VERIFIED", "CLOSED" })
    void reopenGoesBackToInvestigatingClearingTheLaterStages(IncidentStatus from) {
        Incident i = declared(false);
        i.advance(IncidentStatus.ACKNOWLEDGED, "bob", tick());
        i.advance(IncidentStatus.MITIGATED, "bob", tick());
        i.advance(IncidentStatus.RESOLVED, "bob", tick());
        if (from != IncidentStatus.RESOLVED) {
            passAll(i);
            i.verify("bob", tick());
        }
        if (from == IncidentStatus.CLOSED) {
            i.close("bob", tick(), null, false, false);
        }
        Instant when = tick();
        assertThat(i.reopen("carol", when, "errors are back")).isEqualTo(from);
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.stages()).extracting(StageStamp::stage)
                .containsExactly(Stage.DETECTED, Stage.ACKNOWLEDGED, Stage.INVESTIGATING);
        assertThat(i.stages()).contains(new StageStamp(Stage.INVESTIGATING, when, "carol"));
        assertThat(i.clock(ClockKind.RESOLUTION).stoppedAt()).isNull();
        assertThat(i.clock(ClockKind.RESPONSE).stoppedAt()).isNotNull();
        assertThat(i.verification()).noneMatch(v -> v.passed());
        assertThat(i.falseAlarm()).isFalse();
        assertThat(i.closeReason()).isNull();
    }

    @Test
    void reopenNeedsAReason() {
        Incident i = at(IncidentStatus.RESOLVED);
        assertThatThrownBy(() -> i.reopen("bob", tick(), ""))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("reason"));
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = { "DETECTED", "ACKNOWLEDGED", "INVESTIGATING", "MITIGATED" })
    void onlyResolvedVerifiedOrClosedIncidentsCanBeReopened(IncidentStatus from) {
        Incident i = at(from);
        assertThatThrownBy(() -> i.reopen("bob", tick(), "why not"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("INC-3 is " + from + "; only a RESOLVED, VERIFIED or CLOSED incident can be reopened.");
    }

    // ---- closed incidents -----------------------------------------------------------------

    @Test
    void aClosedIncidentTakesNothingButReopenAndNotes() {
        Incident i = at(IncidentStatus.CLOSED);
        String message = "INC-3 is CLOSED; only reopening it and adding notes are allowed.";
        RoleAssignment role = new RoleAssignment(IncidentRole.COMMANDER, 1, "cmd", "Commander", now);
        List<Runnable> changes = List.of(
                () -> i.advance(IncidentStatus.RESOLVED, "bob", tick()),
                () -> i.advance(IncidentStatus.ACKNOWLEDGED, "bob", tick()),
                () -> i.verify("bob", tick()),
                () -> i.checkVerification(VerificationCheck.HEALTH_CHECK, true, null, "bob", tick()),
                () -> i.changeLevel(P2, "smaller", null, "bob", tick()),
                () -> i.assignRole(role, tick()),
                () -> i.unassignRole(IncidentRole.TECH_LEAD, tick()),
                () -> i.updateCause("x", RootCauseCategory.HUMAN, "y", tick()),
                () -> i.linkTicket("https://jira.example/X-1", tick()),
                () -> i.updateDetails("New title", null, null, null, tick()),
                () -> i.requireChangeable(tick()));
        for (Runnable change : changes) {
            assertThatThrownBy(change::run).isInstanceOf(ConflictException.class).hasMessage(message);
        }
        i.noteAdded(tick());
        i.reopen("bob", tick(), "came back");
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
    }

    // ---- level ----------------------------------------------------------------------------

    @Test
    void firstConfirmationOfTheSameLevelStampsTriagedWithoutReason() {
        Incident i = declared(false);
        Instant when = tick();
        var change = i.changeLevel(P0, null, null, "bob", when);
        assertThat(change.firstConfirmation()).isTrue();
        assertThat(change.changed()).isFalse();
        assertThat(i.levelConfirmed()).isTrue();
        assertThat(i.stages()).contains(new StageStamp(Stage.TRIAGED, when, "bob"));
    }

    @Test
    void confirmingAgainChangesNothing() {
        Incident i = declared(true);
        var change = i.changeLevel(P0, null, null, "bob", tick());
        assertThat(change.anything()).isFalse();
    }

    @Test
    void changingTheLevelNeedsAReasonAndRecomputesDueTimesFromDetection() {
        Incident i = declared(true);
        assertThatThrownBy(() -> i.changeLevel(P2, null, null, "bob", tick()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("reason"));
        assertThat(i.levelCode()).isEqualTo("P0");
        var change = i.changeLevel(P2, "only one region", null, "bob", tick());
        assertThat(change.changed()).isTrue();
        assertThat(change.firstConfirmation()).isFalse();
        assertThat(i.levelCode()).isEqualTo("P2");
        assertThat(i.levelRank()).isEqualTo(2);
        assertThat(i.clock(ClockKind.RESPONSE).dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(i.clock(ClockKind.RESOLUTION).dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void changingAnUnconfirmedLevelAlsoStampsTriaged() {
        Incident i = declared(false);
        var change = i.changeLevel(P2, "smaller than thought", null, "bob", tick());
        assertThat(change.firstConfirmation()).isTrue();
        assertThat(i.stages()).extracting(StageStamp::stage).contains(Stage.TRIAGED);
    }

    @Test
    void newTriageAnswersAreRecorded() {
        Incident i = declared(true);
        var answers = new TriageAnswers(true, null, null, 1000L, null, null, false, false, true);
        var change = i.changeLevel(P0, null, answers, "bob", tick());
        assertThat(change.triageChanged()).isTrue();
        assertThat(i.triage()).isEqualTo(answers);
    }

    @Test
    void aLevelChangeClearsABreachOfARunningClockWhoseNewDueIsAhead() {
        Incident i = Incident.declare(3, "t", null, List.of(), P0, true, null, null, T0, "alice", T0);
        IncidentClock response = i.clock(ClockKind.RESPONSE);
        Incident stored = new Incident(1L, 3, "t", null, IncidentStatus.DETECTED, "P0-P3", "P0", "Emergency", 0, true,
                List.of(), null, null, i.stages(), List.of(),
                List.of(new IncidentClock(ClockKind.RESPONSE, T0, response.dueAt(), null, T0.plusSeconds(360)),
                        i.clock(ClockKind.RESOLUTION)),
                List.of(), null, null, null, null, false, null, T0, T0, T0, 1);
        stored.changeLevel(P2, "less bad", null, "bob", T0.plusSeconds(400));
        assertThat(stored.clock(ClockKind.RESPONSE).breachedAt()).isNull();
        assertThat(stored.clock(ClockKind.RESPONSE).breachCleared()).isTrue();
    }

    // ---- roles and details ----------------------------------------------------------------

    @Test
    void rolesAreAssignedReplacedAndUnassigned() {
        Incident i = declared(false);
        assertThat(i.assignRole(new RoleAssignment(IncidentRole.COMMANDER, 1, "ann", "Ann", now), tick())).isNull();
        assertThat(i.assignRole(new RoleAssignment(IncidentRole.COMMANDER, 2, "ben", "Ben", now), tick())).isEqualTo("ann");
        assertThat(i.unassignRole(IncidentRole.COMMANDER, tick())).isEqualTo("ben");
        assertThatThrownBy(() -> i.unassignRole(IncidentRole.COMMANDER, tick())).isInstanceOf(ConflictException.class)
                .hasMessage("Nobody holds the role COMMANDER on INC-3.");
    }

    @Test
    void detailsReportOnlyTheFieldsThatChanged() {
        Incident i = declared(false);
        assertThat(i.updateDetails("Checkout down", "new text", null, "", tick())).containsExactly("description");
        assertThat(i.updateDetails(null, "", null, "10% of users", tick())).containsExactly("description", "impactSummary");
        assertThat(i.description()).isNull();
    }
}
