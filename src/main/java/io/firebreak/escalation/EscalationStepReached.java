package io.firebreak.escalation;

import java.time.Instant;
import java.util.List;

/**
 * An escalation step of an incident's policy was reached and its targets were paged
 * ({@code paged}: usernames; empty when nobody could be resolved, e.g. an empty schedule).
 * {@code step} counts from 1, {@code round} from 0 (repeats of the whole policy). {@code actor} is
 * "system" for a due step, or the person who pressed "escalate now".
 */
public record EscalationStepReached(long incidentId, String number, long policyId, String policyName, int step,
        int round, List<String> paged, String actor, Instant at) {

    public EscalationStepReached {
        paged = List.copyOf(paged);
    }
}
