package io.firebreak.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.firebreak.escalation.ClockRuleAction;
import io.firebreak.escalation.ClockRuleAnchor;
import io.firebreak.escalation.ClockRuleView;
import io.firebreak.incident.ClockKind;
import io.firebreak.incident.ClockView;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.severity.Holiday;
import io.firebreak.severity.Target;
import io.firebreak.severity.TargetUnit;
import io.firebreak.severity.WorkingCalendar;

/** Due instants of clock rules, in clock and in business time (over a weekend and a holiday). */
class ClockRuleScheduleTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Friday 2026-10-02 17:00 in Shanghai. */
    private static final Instant FRIDAY_5PM = Instant.parse("2026-10-02T09:00:00Z");
    private static final WorkingCalendar WEEKDAYS = new WorkingCalendar(SHANGHAI,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), List.of());
    private static final WorkingCalendar WITH_HOLIDAY = new WorkingCalendar(SHANGHAI, WEEKDAYS.workingDays(),
            LocalTime.of(9, 0), LocalTime.of(18, 0), List.of(new Holiday(LocalDate.of(2026, 10, 5), "holiday")));

    @Test
    void businessTimeTargetsAreAtRiskAtEightyPercentOfTheirWorkingTimeOverAWeekendAndAHoliday() {
        Target oneWorkingDay = new Target(1, TargetUnit.WORKING_DAYS);
        // 1 working day = 9 hours: 1 hour on Friday, 8 on the next working day; 80% = 7.2 hours.
        ClockView weekend = clock(FRIDAY_5PM, WEEKDAYS.dueAt(FRIDAY_5PM, oneWorkingDay));
        assertThat(weekend.dueAt()).isEqualTo(Instant.parse("2026-10-05T09:00:00Z")); // Monday 17:00
        assertThat(ClockRuleSchedule.atRiskAt(weekend, 80, true, WEEKDAYS))
                .isEqualTo(Instant.parse("2026-10-05T07:12:00Z")); // Monday 15:12

        ClockView holiday = clock(FRIDAY_5PM, WITH_HOLIDAY.dueAt(FRIDAY_5PM, oneWorkingDay));
        assertThat(holiday.dueAt()).isEqualTo(Instant.parse("2026-10-06T09:00:00Z")); // Tuesday 17:00
        assertThat(ClockRuleSchedule.atRiskAt(holiday, 80, true, WITH_HOLIDAY))
                .isEqualTo(Instant.parse("2026-10-06T07:12:00Z")); // Tuesday 15:12
        assertThat(ClockRuleSchedule.workingTimeBetween(WITH_HOLIDAY, holiday.startedAt(), holiday.dueAt()))
                .isEqualTo(Duration.ofHours(9));

        // A clock-time target is at risk at 80% of its elapsed time.
        ClockView fiveMinutes = clock(FRIDAY_5PM, FRIDAY_5PM.plus(Duration.ofMinutes(5)));
        assertThat(ClockRuleSchedule.atRiskAt(fiveMinutes, 80, false, WEEKDAYS))
                .isEqualTo(FRIDAY_5PM.plus(Duration.ofMinutes(4)));
    }

    @Test
    void aBusinessTimeRuleSkipsTheWeekendAndTheHoliday() {
        ClockRuleView rule = rule(ClockRuleAnchor.DETECTION, 120, true, null);
        IncidentView incident = incident(FRIDAY_5PM, IncidentStatus.DETECTED);
        // 1 working hour on Friday, the second on the next working day.
        assertThat(ClockRuleSchedule.pending(rule, incident, Set.of(), FRIDAY_5PM, WEEKDAYS, k -> false))
                .singleElement().satisfies(f -> assertThat(f.dueAt()).isEqualTo(Instant.parse("2026-10-05T02:00:00Z")));
        assertThat(ClockRuleSchedule.pending(rule, incident, Set.of(), FRIDAY_5PM, WITH_HOLIDAY, k -> false))
                .singleElement().satisfies(f -> assertThat(f.dueAt()).isEqualTo(Instant.parse("2026-10-06T02:00:00Z")));
    }

    @Test
    void aRepeatingRuleCountsItsPeriodsAndCatchesUpWithTheLatestMissedOneOnly() {
        ClockRuleView rule = rule(ClockRuleAnchor.DETECTION, 30, false, 30);
        IncidentView incident = incident(FRIDAY_5PM, IncidentStatus.INVESTIGATING);
        String prefix = FRIDAY_5PM.getEpochSecond() + ".";
        var first = ClockRuleSchedule.pending(rule, incident, Set.of(), FRIDAY_5PM, WEEKDAYS, k -> false);
        assertThat(first).singleElement().satisfies(f -> {
            assertThat(f.period()).isEqualTo(prefix + 0);
            assertThat(f.dueAt()).isEqualTo(FRIDAY_5PM.plus(Duration.ofMinutes(30)));
        });
        var second = ClockRuleSchedule.pending(rule, incident, Set.of(prefix + 0), FRIDAY_5PM, WEEKDAYS, k -> false);
        assertThat(second.getFirst().dueAt()).isEqualTo(FRIDAY_5PM.plus(Duration.ofMinutes(60)));
        // Down for two hours after the first firing: one catch-up firing (the 2h period), not three.
        var late = ClockRuleSchedule.pending(rule, incident, Set.of(prefix + 0),
                FRIDAY_5PM.plus(Duration.ofMinutes(150)), WEEKDAYS, k -> false);
        assertThat(late).singleElement().satisfies(f -> {
            assertThat(f.period()).isEqualTo(prefix + 4);
            assertThat(f.dueAt()).isEqualTo(FRIDAY_5PM.plus(Duration.ofMinutes(150)));
        });
        assertThat(ClockRuleSchedule.pending(rule, incident(FRIDAY_5PM, IncidentStatus.RESOLVED), Set.of(),
                FRIDAY_5PM, WEEKDAYS, k -> false)).isEmpty();
    }

    private static ClockView clock(Instant start, Instant due) {
        return new ClockView(ClockKind.RESOLUTION, start, due, null, null);
    }

    private static ClockRuleView rule(ClockRuleAnchor anchor, int after, boolean business, Integer repeat) {
        return new ClockRuleView(1, null, "r", "r", "r", true, List.of(), List.of(), anchor, after, business, null,
                false, repeat, List.of(ClockRuleAction.NOTIFY_COMMANDER), null, List.of(), List.of(), false,
                FRIDAY_5PM, 0);
    }

    private static IncidentView incident(Instant detected, IncidentStatus status) {
        return new IncidentView(1, "INC-1", "t", null, status, "P0-P3", "P2", "Medium", 2, false, List.of(), null,
                null, List.of(new StageStamp(Stage.DETECTED, detected, "test")), List.of(), List.of(), null, null, null,
                null, false, null, List.of(), List.of(), List.of(), detected, detected, 0);
    }
}
