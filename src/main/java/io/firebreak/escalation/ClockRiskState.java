package io.firebreak.escalation;

/**
 * How close an incident is to missing a target: OK, AT_RISK (past the at-risk threshold of a
 * running target) or BREACHED (a target passed while its clock ran), worst last.
 */
public enum ClockRiskState {
    OK, AT_RISK, BREACHED
}
