package io.firebreak.escalation;

import java.time.Instant;

/**
 * An incident's escalation stopped: acknowledged, resolved, closed, exhausted (every step and
 * repeat done) or reassigned. {@code reason} is one of ACKNOWLEDGED, RESOLVED, CLOSED, EXHAUSTED,
 * REASSIGNED.
 */
public record EscalationStopped(long incidentId, String number, String reason, String actor, Instant at) {
}
