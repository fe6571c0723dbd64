package io.firebreak.oncall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.oncall.ShiftKind;

class OnCallCalculatorTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final long ALICE = 1, BOB = 2, CAROL = 3, DAVE = 4;

    static RotationLayer layer(long id, int position, ShiftKind kind, int length, String handoff, LocalDate start,
            LocalDate end, Long... people) {
        return new RotationLayer(id, position, kind, length, LocalTime.parse(handoff), start, end, List.of(people));
    }

    static Instant local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), zone).toInstant();
    }

    static Long who(OnCallCalculator c, Instant t) {
        return c.at(t).map(OnCallCalculator.Who::userId).orElse(null);
    }

    @Test
    void dailyRotationTakesTurnsAtTheHandoffTime() {
        var c = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.DAILY, 1, "09:00",
                LocalDate.parse("2026-03-01"), null, ALICE, BOB, CAROL)), List.of());
        assertThat(who(c, local("2026-03-01T08:59", SHANGHAI))).isNull();
        assertThat(who(c, local("2026-03-01T09:00", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(c, local("2026-03-02T08:59", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(c, local("2026-03-02T09:00", SHANGHAI))).isEqualTo(BOB);
        assertThat(who(c, local("2026-03-03T12:00", SHANGHAI))).isEqualTo(CAROL);
        assertThat(who(c, local("2026-03-04T09:00", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(c, local("2026-04-01T10:00", SHANGHAI))).isEqualTo(BOB); // day 31: 31 % 3 = 1
    }

    @Test
    void weeklyRotationHandsOffEverySeventhDay() {
        var c = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.WEEKLY, 1, "10:30",
                LocalDate.parse("2026-03-02"), null, ALICE, BOB)), List.of());
        assertThat(who(c, local("2026-03-09T10:29", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(c, local("2026-03-09T10:30", SHANGHAI))).isEqualTo(BOB);
        assertThat(who(c, local("2026-03-16T10:30", SHANGHAI))).isEqualTo(ALICE);
        var stretch = c.stretchAt(local("2026-03-10T00:00", SHANGHAI), Duration.ofDays(35));
        assertThat(stretch.start()).isEqualTo(local("2026-03-09T10:30", SHANGHAI));
        assertThat(stretch.end()).isEqualTo(local("2026-03-16T10:30", SHANGHAI));
    }

    @Test
    void customShiftsInDaysAndInHours() {
        var days = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.CUSTOM_DAYS, 3, "09:00",
                LocalDate.parse("2026-03-01"), null, ALICE, BOB)), List.of());
        assertThat(who(days, local("2026-03-04T08:00", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(days, local("2026-03-04T09:00", SHANGHAI))).isEqualTo(BOB);
        assertThat(who(days, local("2026-03-07T09:00", SHANGHAI))).isEqualTo(ALICE);

        var hours = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.CUSTOM_HOURS, 12, "08:00",
                LocalDate.parse("2026-03-01"), null, ALICE, BOB, CAROL)), List.of());
        assertThat(who(hours, local("2026-03-01T19:59", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(hours, local("2026-03-01T20:00", SHANGHAI))).isEqualTo(BOB);
        assertThat(who(hours, local("2026-03-02T08:00", SHANGHAI))).isEqualTo(CAROL);
        assertThat(who(hours, local("2026-03-02T20:00", SHANGHAI))).isEqualTo(ALICE);
    }

    @Test
    void rotationHandsOffAtNineShanghaiAcrossADstChangeElsewhere() {
        // Europe moves its clocks on 2026-03-29; a participant there sees a different local hour,
        // but the schedule's zone (Shanghai, no DST) keeps every hand-off at 09:00 local = 01:00 UTC.
        var c = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.DAILY, 1, "09:00",
                LocalDate.parse("2026-03-27"), null, ALICE, BOB)), List.of());
        var segments = c.segments(Instant.parse("2026-03-27T01:00:00Z"), Instant.parse("2026-04-01T01:00:00Z"));
        assertThat(segments).hasSize(5);
        for (var s : segments) {
            assertThat(s.start().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(24));
        }
        Instant handoff = local("2026-03-30T09:00", SHANGHAI);
        assertThat(handoff.atZone(ZoneId.of("Europe/Berlin")).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(local("2026-03-28T09:00", SHANGHAI).atZone(ZoneId.of("Europe/Berlin")).toLocalTime())
                .isEqualTo(LocalTime.of(2, 0));
        assertThat(segments).extracting(OnCallCalculator.Segment::userId).containsExactly(ALICE, BOB, ALICE, BOB,
                ALICE);
    }

    @Test
    void newYorkScheduleKeepsNineLocalAcrossTheMarchDstChange() {
        // DST starts in New York on 2026-03-08: the shift spanning it lasts 23 hours.
        var c = new OnCallCalculator(NEW_YORK, List.of(layer(1, 1, ShiftKind.DAILY, 1, "09:00",
                LocalDate.parse("2026-03-06"), null, ALICE, BOB)), List.of());
        var segments = c.segments(local("2026-03-06T09:00", NEW_YORK), local("2026-03-10T09:00", NEW_YORK));
        assertThat(segments).extracting(s -> s.start().atZone(NEW_YORK).toLocalTime()).containsOnly(LocalTime.of(9, 0));
        assertThat(segments).extracting(s -> Duration.between(s.start(), s.end()).toHours()).containsExactly(24L, 23L,
                24L, 24L);
        assertThat(segments.get(0).start()).isEqualTo(Instant.parse("2026-03-06T14:00:00Z"));
        assertThat(segments.get(3).start()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
    }

    @Test
    void overrideCoversTheNight() {
        var c = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.WEEKLY, 1, "09:00",
                LocalDate.parse("2026-03-02"), null, ALICE, BOB)),
                List.of(new OverrideSpan(10, CAROL, local("2026-03-03T22:00", SHANGHAI),
                        local("2026-03-04T07:00", SHANGHAI))));
        assertThat(who(c, local("2026-03-03T21:59", SHANGHAI))).isEqualTo(ALICE);
        assertThat(c.at(local("2026-03-04T02:00", SHANGHAI)).orElseThrow())
                .isEqualTo(new OnCallCalculator.Who(CAROL, true));
        assertThat(who(c, local("2026-03-04T07:00", SHANGHAI))).isEqualTo(ALICE);
        var night = c.stretchAt(local("2026-03-04T02:00", SHANGHAI), Duration.ofDays(35));
        assertThat(night.start()).isEqualTo(local("2026-03-03T22:00", SHANGHAI));
        assertThat(night.end()).isEqualTo(local("2026-03-04T07:00", SHANGHAI));
        assertThat(c.nextAfter(local("2026-03-04T02:00", SHANGHAI), Duration.ofDays(35)).orElseThrow().userId())
                .isEqualTo(ALICE);
    }

    @Test
    void newerOverrideBeatsAnOlderOne() {
        var c = new OnCallCalculator(SHANGHAI, List.of(), List.of(
                new OverrideSpan(1, ALICE, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z")),
                new OverrideSpan(2, BOB, Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-02T12:00:00Z"))));
        assertThat(who(c, Instant.parse("2026-03-01T12:00:00Z"))).isEqualTo(ALICE);
        assertThat(who(c, Instant.parse("2026-03-02T06:00:00Z"))).isEqualTo(BOB);
        assertThat(who(c, Instant.parse("2026-03-02T12:00:00Z"))).isEqualTo(ALICE);
        assertThat(who(c, Instant.parse("2026-03-03T00:00:00Z"))).isNull();
    }

    @Test
    void higherLayerWinsWhereItHasSomeoneAndIsRestrictedToItsDates() {
        var base = layer(1, 1, ShiftKind.WEEKLY, 1, "09:00", LocalDate.parse("2026-03-02"), null, ALICE, BOB);
        var holiday = layer(2, 2, ShiftKind.DAILY, 1, "09:00", LocalDate.parse("2026-03-05"),
                LocalDate.parse("2026-03-07"), CAROL, DAVE);
        var c = new OnCallCalculator(SHANGHAI, List.of(base, holiday), List.of());
        assertThat(who(c, local("2026-03-05T08:00", SHANGHAI))).isEqualTo(ALICE);
        assertThat(who(c, local("2026-03-05T09:00", SHANGHAI))).isEqualTo(CAROL);
        assertThat(who(c, local("2026-03-06T09:00", SHANGHAI))).isEqualTo(DAVE);
        assertThat(who(c, local("2026-03-07T09:00", SHANGHAI))).isEqualTo(ALICE);
        var segments = c.segments(local("2026-03-05T00:00", SHANGHAI), local("2026-03-08T00:00", SHANGHAI));
        assertThat(segments).extracting(OnCallCalculator.Segment::userId).containsExactly(ALICE, CAROL, DAVE, ALICE);
    }

    @Test
    void segmentsMergeTheSamePersonAndShowGaps() {
        var c = new OnCallCalculator(SHANGHAI, List.of(layer(1, 1, ShiftKind.DAILY, 1, "09:00",
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05"), ALICE)), List.of());
        var segments = c.segments(local("2026-03-01T00:00", SHANGHAI), local("2026-03-06T00:00", SHANGHAI));
        assertThat(segments).extracting(OnCallCalculator.Segment::userId).containsExactly(null, ALICE, null);
        assertThat(segments.get(1).start()).isEqualTo(local("2026-03-02T09:00", SHANGHAI));
        assertThat(segments.get(1).end()).isEqualTo(local("2026-03-05T09:00", SHANGHAI));
        assertThat(c.nextAfter(local("2026-03-01T00:00", SHANGHAI), Duration.ofDays(35)).orElseThrow().userId())
                .isEqualTo(ALICE);
        assertThat(c.nextAfter(local("2026-03-03T00:00", SHANGHAI), Duration.ofDays(35))).isEmpty();
    }
}
