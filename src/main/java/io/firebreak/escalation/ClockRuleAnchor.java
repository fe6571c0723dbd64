package io.firebreak.escalation;

/**
 * What a clock rule's time is counted from: the incident's detection, its last stage change, or
 * (TARGET) each running response and resolution target, the amount then being a percentage of it.
 */
public enum ClockRuleAnchor {
    DETECTION, LAST_STAGE, TARGET
}
