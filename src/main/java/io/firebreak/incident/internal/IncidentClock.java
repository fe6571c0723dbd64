package io.firebreak.incident.internal;

import java.time.Instant;

import io.firebreak.incident.ClockKind;
import io.firebreak.incident.ClockView;

/**
 * One clock of an {@link Incident} as the aggregate changes it. The breach time is written only by
 * the clock worker; the aggregate merely asks for it to be cleared when a level change moves a
 * running clock's due time into the future.
 */
public final class IncidentClock {

    private final ClockKind kind;
    private final Instant startedAt;
    private Instant dueAt;
    private Instant stoppedAt;
    private Instant breachedAt;
    private boolean breachCleared;

    public IncidentClock(ClockKind kind, Instant startedAt, Instant dueAt, Instant stoppedAt, Instant breachedAt) {
        this.kind = kind;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.stoppedAt = stoppedAt;
        this.breachedAt = breachedAt;
    }

    public ClockKind kind() {
        return kind;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }

    public boolean breachCleared() {
        return breachCleared;
    }

    void stop(Instant at) {
        if (stoppedAt == null) {
            stoppedAt = at;
        }
    }

    void resume() {
        stoppedAt = null;
    }

    void reschedule(Instant newDue, Instant now) {
        dueAt = newDue;
        // A running clock whose new due time lies ahead has not been missed (yet): let the worker judge it again.
        if (stoppedAt == null && breachedAt != null && (newDue == null || newDue.isAfter(now))) {
            breachedAt = null;
            breachCleared = true;
        }
    }

    public ClockView view() {
        return new ClockView(kind, startedAt, dueAt, stoppedAt, breachedAt);
    }
}
