package io.firebreak.escalation.internal;

import java.time.Instant;

import io.firebreak.escalation.internal.EscalationRow.State;

/**
 * Paging {@code step} of {@code round} moves an escalation on to {@code nextStep} of
 * {@code nextRound} due at {@code dueAt} (null when stopped), in {@code state};
 * {@code exhausted} when that step was the policy's last.
 */
public record Advance(int step, int round, int nextStep, int nextRound, Instant dueAt, State state,
        boolean exhausted) {
}
