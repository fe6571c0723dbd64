package io.firebreak.oncall.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import io.firebreak.oncall.ScheduleView;

/** Builds a schedule's {@link OnCallCalculator} with the overrides that matter for a window of time. */
@Component
public class OnCallReader {

    /**
     * How far a stretch is followed either side of an instant: a stretch longer than this (one
     * person alone on a rotation) is reported as ending here, and "next on call" looks no further.
     */
    public static final Duration REACH = Duration.ofDays(35);

    private final ScheduleRepository repository;

    OnCallReader(ScheduleRepository repository) {
        this.repository = repository;
    }

    public OnCallCalculator calculator(ScheduleView schedule, Instant from, Instant to) {
        List<OverrideSpan> overrides = repository.overrides(schedule.id(), from, to).stream()
                .map(ScheduleRepository.OverrideRow::span).toList();
        return new OnCallCalculator(ZoneId.of(schedule.timeZone()),
                schedule.layers().stream().map(ScheduleRepository::rotation).toList(), overrides);
    }

    /** A calculator good for questions about {@code at}: stretches and the next person within {@link #REACH}. */
    public OnCallCalculator around(ScheduleView schedule, Instant at) {
        return calculator(schedule, at.minus(REACH), at.plus(REACH.multipliedBy(2)));
    }
}
