package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/** A silence: alerts whose labels match every matcher between start and end are stored but open nothing. */
public record SilenceView(long id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant createdAt, boolean active) {
}
