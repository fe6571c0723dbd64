package io.firebreak.escalation;

import java.time.Instant;
import java.util.List;

/**
 * The escalation of one incident. {@code state}: ACTIVE (the next step pages at {@code nextDueAt}),
 * STOPPED ({@code stopReason}: ACKNOWLEDGED, RESOLVED, CLOSED, EXHAUSTED or REASSIGNED), NONE (no
 * policy applied when the incident opened) or NOT_STARTED (not considered yet). {@code nextStep} and
 * {@code round} are where "escalate now" would page next (null/0 when nothing is left);
 * {@code currentStep} is the last step paged (null before the first). {@code pages}: everyone
 * paged, oldest first.
 */
public record EscalationState(long incidentId, String number, String state, Long policyId, String policyName,
        Integer currentStep, Integer nextStep, int round, int stepCount, int repeatCount, Instant nextDueAt,
        String stopReason, String stoppedBy, Instant stoppedAt, List<Page> pages) {

    public EscalationState {
        pages = List.copyOf(pages);
    }

    /**
     * One page: when, which round and step (step 0: a reassignment), to whom, through which target
     * ({@code targetKind} and the target's name), and who caused it ("system" for a due step).
     */
    public record Page(Instant at, int round, int step, long userId, String username, TargetKind targetKind,
            String targetName, String actor) {
    }
}
