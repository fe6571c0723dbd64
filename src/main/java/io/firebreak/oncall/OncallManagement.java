package io.firebreak.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The oncall module's facade for other modules: who is on call, now or at any instant.
 * <p>
 * CONTRACT STUB: the oncall work fills these bodies in; signatures are fixed.
 */
@Service
public class OncallManagement {

    /** Every schedule, ordered by name. */
    public List<ScheduleSummary> schedules() {
        throw new UnsupportedOperationException("oncall not built yet");
    }

    /** The schedule, if it exists. */
    public Optional<ScheduleSummary> schedule(long scheduleId) {
        throw new UnsupportedOperationException("oncall not built yet");
    }

    /**
     * Who is on call on the schedule at the instant: overrides first, then the highest layer that
     * has someone on shift; empty if nobody (or no such schedule).
     */
    public Optional<OnCallShift> onCall(long scheduleId, Instant at) {
        throw new UnsupportedOperationException("oncall not built yet");
    }

    /** Who takes over from the person on call at {@code at}: the first different person after their stretch ends. */
    public Optional<OnCallShift> nextOnCall(long scheduleId, Instant at) {
        throw new UnsupportedOperationException("oncall not built yet");
    }

    /** The people on call at the instant on every schedule the team owns (one entry per schedule with someone on). */
    public List<OnCallShift> forTeam(long teamId, Instant at) {
        throw new UnsupportedOperationException("oncall not built yet");
    }

    /** The people on call at the instant for a service: the schedules of its owner team (catalog). */
    public List<OnCallShift> forService(long serviceId, Instant at) {
        throw new UnsupportedOperationException("oncall not built yet");
    }
}
