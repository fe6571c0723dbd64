package io.firebreak.oncall.internal;

import java.time.Instant;

/** An override as the calculator needs it: the user covers [start, end); a later id wins over an earlier one. */
public record OverrideSpan(long id, long userId, Instant start, Instant end) {

    boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
