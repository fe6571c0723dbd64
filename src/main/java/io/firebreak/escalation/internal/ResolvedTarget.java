package io.firebreak.escalation.internal;

import io.firebreak.escalation.TargetKind;

/** A person a target resolved to, with the target's kind and name (for the log and the UI). */
public record ResolvedTarget(long userId, String username, TargetKind kind, String targetName) {
}
