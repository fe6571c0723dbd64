package io.firebreak.escalation;

/**
 * A field a clock rule can require to be missing: the root or direct cause, a role holder, the
 * impact summary, or (LEVEL) a confirmed level.
 */
public enum ClockRuleField {
    ROOT_CAUSE, DIRECT_CAUSE, COMMANDER, TECH_LEAD, COMMS_LEAD, IMPACT, LEVEL
}
