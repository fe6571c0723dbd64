package io.firebreak.severity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The working calendar business-time targets are counted in: a time zone, the working days of
 * the week, the working hours of each working day ({@code dayStart} to {@code dayEnd}, local
 * time) and holidays (dates that are never worked).
 * <p>
 * {@link #dueAt(Instant, Target)} is the one place where a target turns into an instant.
 */
public record WorkingCalendar(ZoneId timeZone, Set<DayOfWeek> workingDays, LocalTime dayStart, LocalTime dayEnd,
        List<Holiday> holidays) {

    /** How far ahead business time is counted before giving up (a calendar that never works). */
    private static final int MAX_DAYS_SCANNED = 366 * 20;

    public WorkingCalendar {
        if (timeZone == null || dayStart == null || dayEnd == null) {
            throw new IllegalArgumentException("a working calendar needs a time zone and working hours");
        }
        if (!dayStart.isBefore(dayEnd)) {
            throw new IllegalArgumentException("the working day must start before it ends");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working day");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = holidays == null ? List.of()
                : holidays.stream().sorted(Comparator.comparing(Holiday::date)).toList();
    }

    /** The default calendar: UTC, Monday to Friday, 09:00–18:00, no holidays. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(ZoneId.of("UTC"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0), List.of());
    }

    /** The working days in week order, for display. */
    public List<DayOfWeek> workingDaysInOrder() {
        return workingDays.stream().sorted().toList();
    }

    /** The nominal length of one working day ({@code dayEnd - dayStart}); one WORKING_DAYS unit. */
    public Duration workingDayLength() {
        return Duration.between(dayStart, dayEnd);
    }

    /** Whether work happens on this local date: a working day of the week and not a holiday. */
    public boolean isWorkingDate(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && holidays.stream().noneMatch(h -> h.date().equals(date));
    }

    /**
     * When a target started at {@code start} falls due. Clock units add plain elapsed time (a day
     * is 24 hours, a week 7 days). Working units count only the working hours of working dates in
     * this calendar's time zone: a start outside working hours begins counting at the next working
     * period; {@code WORKING_DAYS} counts {@code amount × workingDayLength()} of working time.
     */
    public Instant dueAt(Instant start, Target target) {
        return switch (target.unit()) {
            case MINUTES -> start.plus(Duration.ofMinutes(target.amount()));
            case HOURS -> start.plus(Duration.ofHours(target.amount()));
            case DAYS -> start.plus(Duration.ofDays(target.amount()));
            case WEEKS -> start.plus(Duration.ofDays(7L * target.amount()));
            case WORKING_HOURS -> addWorkingTime(start, Duration.ofHours(target.amount()));
            case WORKING_DAYS -> addWorkingTime(start, workingDayLength().multipliedBy(target.amount()));
        };
    }

    /** Adds {@code amount} of working time to {@code start}, skipping non-working time. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Set<LocalDate> holidayDates = holidays.stream().map(Holiday::date).collect(Collectors.toSet());
        Duration remaining = amount;
        LocalDate date = start.atZone(timeZone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (!workingDays.contains(date.getDayOfWeek()) || holidayDates.contains(date)) {
                continue;
            }
            // ZonedDateTime.of moves a local time that falls into a DST gap forward, so a working
            // period is always measured in real elapsed time.
            Instant periodStart = ZonedDateTime.of(date, dayStart, timeZone).toInstant();
            Instant periodEnd = ZonedDateTime.of(date, dayEnd, timeZone).toInstant();
            Instant from = start.isAfter(periodStart) ? start : periodStart;
            if (!from.isBefore(periodEnd)) {
                continue;
            }
            Duration available = Duration.between(from, periodEnd);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("the working calendar has no working time in the next 20 years");
    }
}
