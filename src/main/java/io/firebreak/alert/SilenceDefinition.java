package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/** A new silence; {@code startsAt} null means now. */
public record SilenceDefinition(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String comment) {
}
