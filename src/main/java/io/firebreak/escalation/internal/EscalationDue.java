package io.firebreak.escalation.internal;

import java.time.Instant;

/**
 * Inside the escalation module: an escalation row was written due at {@code at} (started, advanced,
 * escalated now or restarted), so the worker's wake-up must run a pass by then.
 */
public record EscalationDue(Instant at) {
}
