package io.firebreak.escalation.rules;

import java.time.Instant;

/**
 * Inside the escalation module: a clock rule due row was written (new, or moved) due at
 * {@code at}, the earliest of those one recompute wrote, so the worker's wake-up must run a pass by then.
 */
record ClockRuleDueWritten(Instant at) {
}
