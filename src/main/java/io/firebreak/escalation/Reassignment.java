package io.firebreak.escalation;

/** Whom to hand an incident to: exactly one of a user or a schedule (its person on call now). */
public record Reassignment(Long userId, Long scheduleId) {
}
