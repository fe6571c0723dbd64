package io.firebreak.escalation.internal;

import java.time.Instant;

/**
 * An incident's escalation as stored. {@code nextStep} of {@code round} is paged at {@code dueAt}
 * while ACTIVE; {@code version} guards claims; {@code run} counts restarts on reopening (0: the run
 * started when the incident opened).
 */
public record EscalationRow(long incidentId, String number, Long policyId, String policyName, State state,
        int nextStep, int round, Instant dueAt, Integer lastStep, Integer lastRound, Instant lastPagedAt,
        String stopReason, String stoppedBy, Instant stoppedAt, long version, int run) {

    /** ACTIVE: steps are paged when due; STOPPED: no more automatic pages; NONE: no policy applied. */
    public enum State {
        ACTIVE, STOPPED, NONE
    }
}
