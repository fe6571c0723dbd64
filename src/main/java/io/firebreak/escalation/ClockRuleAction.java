package io.firebreak.escalation;

/**
 * What a clock rule does when it fires: page the next step of the incident's escalation, page the
 * rule's audience, raise the level (never lowers it), page the comms lead with a status-update
 * reminder, page the commander, or mark the incident at risk of missing a target.
 */
public enum ClockRuleAction {
    PAGE_NEXT_STEP, PAGE_AUDIENCE, RAISE_LEVEL, REMIND_COMMS_LEAD, NOTIFY_COMMANDER, MARK_AT_RISK
}
