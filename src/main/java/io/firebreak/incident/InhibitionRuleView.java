package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/**
 * An inhibition rule: while an alert matching every {@code source} matcher fires on an incident
 * that is not closed, a new alert matching every {@code target} matcher and carrying the same
 * values for each of the {@code equal} labels joins that incident instead of opening one.
 */
public record InhibitionRuleView(long id, String name, List<LabelMatcher> source, List<LabelMatcher> target,
        List<String> equal, String createdBy, Instant createdAt) {
}
