package io.firebreak.oncall;

import java.time.Instant;

/**
 * The person on call on a schedule changed at {@code at} (a rotation hand-off or an override
 * starting or ending); {@code fromUserId} is null when nobody was on call before. Published once
 * per hand-off by the hand-off worker, in the transaction that records it.
 */
public record ShiftHandedOff(long scheduleId, String scheduleName, Long fromUserId, long toUserId,
        String toUsername, Instant at, Instant until) {
}
