package io.firebreak.oncall;

import java.time.Instant;

/**
 * Exchange two stretches on a schedule: the person on call at {@code firstAt} and the person on call
 * at {@code secondAt} cover each other's stretch (from now on, for a stretch already running).
 */
public record SwapRequest(Instant firstAt, Instant secondAt) {
}
