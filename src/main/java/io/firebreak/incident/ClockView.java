package io.firebreak.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of an incident. {@code dueAt} is null when the level sets no target for this clock.
 * {@code stoppedAt} is set when the clock's stage was reached; {@code breachedAt} when the due
 * time passed before that (recorded by the clock worker).
 */
public record ClockView(ClockKind kind, Instant startedAt, Instant dueAt, Instant stoppedAt, Instant breachedAt) {

    /** What a viewer should see now. */
    public enum State {
        /** the level has no target for this clock */
        NONE,
        /** running and not yet due */
        RUNNING,
        /** running and past due */
        OVERDUE,
        /** stopped before it was due */
        MET,
        /** stopped after it was due */
        MISSED
    }

    public State state(Instant now) {
        if (dueAt == null) {
            return State.NONE;
        }
        if (stoppedAt == null) {
            return now.isAfter(dueAt) ? State.OVERDUE : State.RUNNING;
        }
        return stoppedAt.isAfter(dueAt) ? State.MISSED : State.MET;
    }

    /** Time left until due, measured at {@code now} (or when stopped); negative once past due. */
    public Duration remaining(Instant now) {
        if (dueAt == null) {
            return null;
        }
        return Duration.between(stoppedAt == null ? now : stoppedAt, dueAt);
    }

    public boolean running() {
        return dueAt != null && stoppedAt == null;
    }
}
