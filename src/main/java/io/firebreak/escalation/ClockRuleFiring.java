package io.firebreak.escalation;

import java.time.Instant;

/** A past firing of a clock rule for an incident ({@code period} tells repeats apart). */
public record ClockRuleFiring(long ruleId, String ruleName, String period, Instant firedAt) {
}
