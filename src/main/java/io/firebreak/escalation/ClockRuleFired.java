package io.firebreak.escalation;

import java.time.Instant;

/**
 * A clock rule fired for an incident (once per rule and incident, or once per cadence period for
 * repeating rules such as status-update reminders). {@code action} names what it did
 * (PAGE_NEXT_STEP, PAGE_AUDIENCE, RAISE_LEVEL, REMIND_COMMS_LEAD, NOTIFY_COMMANDER, MARK_AT_RISK);
 * {@code detail} says to whom or to which level.
 */
public record ClockRuleFired(long incidentId, String number, long ruleId, String ruleName, String action,
        String detail, String actor, Instant at) {
}
