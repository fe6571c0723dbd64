package io.firebreak.incident.ui;

import static io.firebreak.incident.ui.IncidentPageModel.StageAction.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.incident.VerificationItem;

/** Which buttons the incident page offers in each status, and how the stage strip is worked out. */
class IncidentPageModelTests {

    @Test
    void offersOnlyTheMovesThatMakeSenseInEachStatus() {
        assertThat(IncidentPageModel.actions(IncidentStatus.DETECTED, false))
                .containsExactlyInAnyOrder(ACKNOWLEDGE, INVESTIGATE, MITIGATE, RESOLVE, CLOSE);
        assertThat(IncidentPageModel.actions(IncidentStatus.ACKNOWLEDGED, false))
                .containsExactlyInAnyOrder(INVESTIGATE, MITIGATE, RESOLVE, CLOSE);
        assertThat(IncidentPageModel.actions(IncidentStatus.MITIGATED, false)).containsExactlyInAnyOrder(RESOLVE, CLOSE);
        assertThat(IncidentPageModel.actions(IncidentStatus.RESOLVED, false)).containsExactlyInAnyOrder(CLOSE, REOPEN);
        assertThat(IncidentPageModel.actions(IncidentStatus.RESOLVED, true))
                .containsExactlyInAnyOrder(VERIFY, CLOSE, REOPEN);
        assertThat(IncidentPageModel.actions(IncidentStatus.VERIFIED, true)).containsExactlyInAnyOrder(CLOSE, REOPEN);
        assertThat(IncidentPageModel.actions(IncidentStatus.CLOSED, true)).containsExactly(REOPEN);
    }

    @Test
    void theStripMarksReachedStagesDoneAndTheStatusCurrentWithTheLatestStamp() {
        Instant t0 = Instant.parse("2026-01-01T03:00:00Z");
        var model = IncidentPageModel.of(incident(IncidentStatus.INVESTIGATING, List.of(
                new StageStamp(Stage.DETECTED, t0, "a"), new StageStamp(Stage.ACKNOWLEDGED, t0.plusSeconds(60), "a"),
                new StageStamp(Stage.RESOLVED, t0.plusSeconds(120), "a"),
                new StageStamp(Stage.INVESTIGATING, t0.plusSeconds(180), "b"))));
        assertThat(model.stages()).hasSize(8);
        var byStage = model.stages();
        assertThat(byStage.get(0).done()).isTrue();
        assertThat(byStage.get(2).stage()).isEqualTo(Stage.TRIAGED);
        assertThat(byStage.get(2).done()).isFalse();
        assertThat(byStage.get(3).current()).isTrue();
        assertThat(byStage.get(3).by()).isEqualTo("b");
        assertThat(model.roles()).hasSize(4);
        assertThat(model.roles().getFirst().holder().username()).isEqualTo("alice");
        assertThat(model.roles().get(1).holder()).isNull();
        assertThat(model.verification()).extracting(VerificationItem::check)
                .containsExactly(VerificationCheck.values());
        assertThat(model.allVerified()).isFalse();
    }

    private static IncidentView incident(IncidentStatus status, List<StageStamp> stamps) {
        Instant now = Instant.parse("2026-01-01T04:00:00Z");
        return new IncidentView(1, "INC-1", "t", null, status, "P0-P3", "P1", "High", 1, true, List.of(), null, null,
                stamps, List.of(new RoleAssignment(IncidentRole.COMMANDER, 5, "alice", "Alice", now)), List.of(),
                null, null, null, null, false, null,
                List.of(new VerificationItem(VerificationCheck.SMOKE_TEST, true, "a", now, null)), List.of(), List.of(),
                now, now, 1);
    }
}
