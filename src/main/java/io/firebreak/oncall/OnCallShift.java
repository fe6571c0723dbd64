package io.firebreak.oncall;

import java.time.Instant;

/**
 * One person on call on a schedule for a span of time: the final answer after layers and
 * overrides ({@code override} is true when an override put them there). {@code end} is the end
 * of this person's current stretch, not of the whole rotation.
 */
public record OnCallShift(long scheduleId, String scheduleName, long userId, String username, Instant start,
        Instant end, boolean override) {
}
