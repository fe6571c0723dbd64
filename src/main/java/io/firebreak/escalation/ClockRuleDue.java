package io.firebreak.escalation;

import java.time.Instant;

/** The next pending firing of a clock rule for an incident (for the incident page and the API). */
public record ClockRuleDue(long ruleId, String ruleName, Instant dueAt) {
}
