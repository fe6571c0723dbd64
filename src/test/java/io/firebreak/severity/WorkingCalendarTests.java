package io.firebreak.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Business time: plain clock units, and working hours/days counted only inside the working calendar. */
class WorkingCalendarTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingCalendar standard = WorkingCalendar.standard();

    // 2026-11-23 is a Monday.
    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(UTC).toInstant();
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Target t(int amount, TargetUnit unit) {
        return new Target(amount, unit);
    }

    @Test
    void defaultCalendarIsUtcMondayToFridayNineToSix() {
        assertThat(standard.timeZone()).isEqualTo(UTC);
        assertThat(standard.workingDaysInOrder()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(standard.workingDayLength()).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void clockUnitsAddPlainElapsedTimeIgnoringTheCalendar() {
        Instant saturdayNight = utc("2026-11-28T23:30:00");
        assertThat(standard.dueAt(saturdayNight, t(15, TargetUnit.MINUTES))).isEqualTo(utc("2026-11-28T23:45:00"));
        assertThat(standard.dueAt(saturdayNight, t(4, TargetUnit.HOURS))).isEqualTo(utc("2026-11-29T03:30:00"));
        assertThat(standard.dueAt(saturdayNight, t(1, TargetUnit.DAYS))).isEqualTo(utc("2026-11-29T23:30:00"));
        assertThat(standard.dueAt(saturdayNight, t(2, TargetUnit.WEEKS))).isEqualTo(utc("2026-12-12T23:30:00"));
    }

    @Test
    void clockDaysAre24HoursEvenAcrossADstChange() {
        WorkingCalendar berlin = calendar(BERLIN, "MON,TUE,WED,THU,FRI", "09:00", "18:00");
        // Europe/Berlin springs forward on Sunday 2026-03-29: 24 h later is 13:00 local, not 12:00.
        assertThat(berlin.dueAt(at(BERLIN, "2026-03-28T12:00:00"), t(1, TargetUnit.DAYS)))
                .isEqualTo(at(BERLIN, "2026-03-29T13:00:00"));
    }

    @Test
    void workingHoursWithinOneDay() {
        assertThat(standard.dueAt(utc("2026-11-23T10:00:00"), t(2, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-23T12:00:00"));
    }

    @Test
    void workingHoursEndingExactlyAtTheEndOfTheDayStayOnThatDay() {
        assertThat(standard.dueAt(utc("2026-11-23T16:00:00"), t(2, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-23T18:00:00"));
    }

    @Test
    void workingHoursCarryAcrossTheEndOfTheDay() {
        // 1 h left on Monday (17:00-18:00), 2 h more from Tuesday 09:00.
        assertThat(standard.dueAt(utc("2026-11-23T17:00:00"), t(3, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-24T11:00:00"));
    }

    @Test
    void workingHoursSkipTheWeekend() {
        // Friday 2026-11-27 16:30: 1.5 h on Friday, 2.5 h on Monday from 09:00.
        assertThat(standard.dueAt(utc("2026-11-27T16:30:00"), t(4, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-30T11:30:00"));
    }

    @Test
    void aStartOnTheWeekendBeginsCountingOnMondayMorning() {
        assertThat(standard.dueAt(utc("2026-11-28T14:00:00"), t(1, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-30T10:00:00"));
    }

    @Test
    void workingHoursSkipAHoliday() {
        WorkingCalendar withHoliday = new WorkingCalendar(UTC, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0),
                List.of(new Holiday(LocalDate.parse("2026-11-24"), "Company day")));
        // Monday 17:00: 1 h on Monday, Tuesday is a holiday, 1 h on Wednesday.
        assertThat(withHoliday.dueAt(utc("2026-11-23T17:00:00"), t(2, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-25T10:00:00"));
        assertThat(withHoliday.isWorkingDate(LocalDate.parse("2026-11-24"))).isFalse();
        assertThat(withHoliday.isWorkingDate(LocalDate.parse("2026-11-25"))).isTrue();
    }

    @Test
    void aStartAtNightBeginsAtTheNextMorning() {
        assertThat(standard.dueAt(utc("2026-11-23T22:15:00"), t(1, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-24T10:00:00"));
        // Early in the morning of the same working day.
        assertThat(standard.dueAt(utc("2026-11-24T03:00:00"), t(1, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-24T10:00:00"));
    }

    @Test
    void aStartExactlyAtTheEndOfTheDayCountsFromTheNextWorkingDay() {
        assertThat(standard.dueAt(utc("2026-11-23T18:00:00"), t(1, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-24T10:00:00"));
    }

    @Test
    void oneWorkingDayIsOneWorkingDayOfHours() {
        // Started Monday 14:00: 4 h on Monday, 5 h on Tuesday.
        assertThat(standard.dueAt(utc("2026-11-23T14:00:00"), t(1, TargetUnit.WORKING_DAYS)))
                .isEqualTo(utc("2026-11-24T14:00:00"));
        // Started at 09:00, it ends the same evening.
        assertThat(standard.dueAt(utc("2026-11-23T09:00:00"), t(1, TargetUnit.WORKING_DAYS)))
                .isEqualTo(utc("2026-11-23T18:00:00"));
    }

    @Test
    void multipleWorkingDaysSpanAWeekend() {
        // Thursday 12:00 + 3 working days: Thu 12-18 (6h), Fri 9h, Mon 9h, Tue 3h -> Tuesday 12:00.
        assertThat(standard.dueAt(utc("2026-11-26T12:00:00"), t(3, TargetUnit.WORKING_DAYS)))
                .isEqualTo(utc("2026-12-01T12:00:00"));
        // 20 working hours from Monday 09:00: 9 + 9 + 2 -> Wednesday 11:00.
        assertThat(standard.dueAt(utc("2026-11-23T09:00:00"), t(20, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-25T11:00:00"));
    }

    @Test
    void workingTimeIsCountedInTheCalendarsTimeZone() {
        WorkingCalendar shanghai = calendar(SHANGHAI, "MON,TUE,WED,THU,FRI", "09:00", "18:00");
        // 2026-11-23 02:00 UTC is 10:00 in Shanghai: 2 working hours later is 12:00 Shanghai = 04:00 UTC.
        assertThat(shanghai.dueAt(utc("2026-11-23T02:00:00"), t(2, TargetUnit.WORKING_HOURS)))
                .isEqualTo(utc("2026-11-23T04:00:00"));
        // Monday 11:00 UTC is 19:00 in Shanghai, after hours: counting starts Tuesday 09:00 Shanghai.
        assertThat(shanghai.dueAt(utc("2026-11-23T11:00:00"), t(1, TargetUnit.WORKING_HOURS)))
                .isEqualTo(at(SHANGHAI, "2026-11-24T10:00:00"));
    }

    @Test
    void workingHoursAcrossTheSpringDstChangeInBerlin() {
        WorkingCalendar berlin = calendar(BERLIN, "MON,TUE,WED,THU,FRI", "09:00", "18:00");
        // Friday 2026-03-27 17:00 CET (+01:00); the clocks go forward on Sunday; Monday is CEST (+02:00).
        Instant due = berlin.dueAt(at(BERLIN, "2026-03-27T17:00:00"), t(2, TargetUnit.WORKING_HOURS));
        assertThat(due).isEqualTo(at(BERLIN, "2026-03-30T10:00:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void aWorkingPeriodThatContainsTheDstGapIsAnHourShorter() {
        // A calendar working Sundays 00:00-06:00: on 2026-03-29 02:00-03:00 does not exist in Berlin,
        // so that Sunday holds only 5 real working hours and the 6th hour falls on the next Sunday.
        WorkingCalendar nights = calendar(BERLIN, "SUN", "00:00", "06:00");
        Instant start = at(BERLIN, "2026-03-29T00:00:00");
        assertThat(nights.dueAt(start, t(5, TargetUnit.WORKING_HOURS))).isEqualTo(at(BERLIN, "2026-03-29T06:00:00"));
        assertThat(nights.dueAt(start, t(6, TargetUnit.WORKING_HOURS))).isEqualTo(at(BERLIN, "2026-04-05T01:00:00"));
    }

    @Test
    void aWorkingPeriodThatContainsTheAutumnDstChangeIsAnHourLonger() {
        // Europe/Berlin falls back on Sunday 2026-10-25: 00:00-06:00 local lasts 7 real hours.
        WorkingCalendar nights = calendar(BERLIN, "SUN", "00:00", "06:00");
        Instant start = at(BERLIN, "2026-10-25T00:00:00");
        assertThat(nights.dueAt(start, t(7, TargetUnit.WORKING_HOURS))).isEqualTo(at(BERLIN, "2026-10-25T06:00:00"));
    }

    @Test
    void aWorkingDayInBerlinIsCountedInLocalTimeAcrossTheAutumnChange() {
        WorkingCalendar berlin = calendar(BERLIN, "MON,TUE,WED,THU,FRI", "09:00", "18:00");
        // Friday 2026-10-23 14:00 CEST + 1 working day: 4 h on Friday, 5 h on Monday (CET) -> 14:00 CET = 13:00 UTC.
        assertThat(berlin.dueAt(at(BERLIN, "2026-10-23T14:00:00"), t(1, TargetUnit.WORKING_DAYS)))
                .isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
    }

    @Test
    void invalidCalendarsAreRefused() {
        assertThatThrownBy(() -> calendar(UTC, "MON", "18:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingCalendar(UTC, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0),
                LocalTime.of(18, 0), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static WorkingCalendar calendar(ZoneId zone, String days, String start, String end) {
        EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            for (DayOfWeek w : DayOfWeek.values()) {
                if (w.name().startsWith(d)) {
                    set.add(w);
                }
            }
        }
        return new WorkingCalendar(zone, set, LocalTime.parse(start), LocalTime.parse(end), List.of());
    }
}
