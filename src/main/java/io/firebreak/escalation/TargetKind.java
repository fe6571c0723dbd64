package io.firebreak.escalation;

/**
 * What an escalation step pages: a USER; whoever is on call on a SCHEDULE; a TEAM (everyone on call
 * on the team's schedules, or every enabled member when the team owns no schedule); or who is
 * NEXT_ON_CALL on a schedule (the person who takes over after the current stretch).
 */
public enum TargetKind {
    USER, SCHEDULE, TEAM, NEXT_ON_CALL
}
