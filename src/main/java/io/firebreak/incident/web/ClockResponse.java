package io.firebreak.incident.web;

import java.time.Duration;
import java.time.Instant;

import io.firebreak.incident.ClockKind;
import io.firebreak.incident.ClockView;

/**
 * A clock as the API shows it, with what it means at the time of the answer: {@code state},
 * {@code remainingSeconds} (negative once overdue; measured at the stop time for a stopped clock)
 * and {@code breachedBySeconds} (how far past due, 0 when not). The last three are absent when the
 * level sets no target.
 */
record ClockResponse(ClockKind kind, Instant startedAt, Instant dueAt, Instant stoppedAt, Instant breachedAt,
        ClockView.State state, Long remainingSeconds, Long breachedBySeconds) {

    static ClockResponse of(ClockView clock, Instant now) {
        Duration remaining = clock.remaining(now);
        Long left = remaining == null ? null : remaining.toSeconds();
        return new ClockResponse(clock.kind(), clock.startedAt(), clock.dueAt(), clock.stoppedAt(), clock.breachedAt(),
                clock.state(now), left, left == null ? null : Math.max(0, -left));
    }
}
