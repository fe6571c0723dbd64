package io.firebreak.escalation;

/** One target of a step as written by an admin: a kind and the id of the user, schedule or team. */
public record PolicyTarget(TargetKind kind, Long id) {
}
