package io.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentSummary;

/** The dashboard groups open incidents by level, most severe first, keeping the facade's order inside a level. */
class DashboardControllerTests {

    @Test
    void groupsByLevelMostSevereFirst() {
        var groups = DashboardController.group(List.of(summary("INC-1", "P2", 2), summary("INC-2", "P0", 0),
                summary("INC-3", "P2", 2), summary("INC-4", "P1", 1)));
        assertThat(groups).extracting(DashboardController.LevelGroup::code).containsExactly("P0", "P1", "P2");
        assertThat(groups.get(2).incidents()).extracting(IncidentSummary::number).containsExactly("INC-1", "INC-3");
        assertThat(DashboardController.group(List.of())).isEmpty();
    }

    private static IncidentSummary summary(String number, String level, int rank) {
        Instant now = Instant.parse("2026-01-01T03:00:00Z");
        return new IncidentSummary(1, number, "t", IncidentStatus.DETECTED, level, level, rank, List.of(), List.of(),
                null, now, now);
    }
}
