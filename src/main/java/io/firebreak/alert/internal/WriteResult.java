package io.firebreak.alert.internal;

import io.firebreak.alert.TransitionKind;

/** What the writer did with one command: the alert's id (0 when nothing was stored) and the feed entry written, if any. */
public record WriteResult(long alertId, String fingerprint, TransitionKind transition) {
}
