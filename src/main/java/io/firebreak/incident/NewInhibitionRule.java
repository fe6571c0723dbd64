package io.firebreak.incident;

import java.util.List;

/** What creating an inhibition rule takes (see {@link InhibitionRuleView}); {@code equal} may be empty. */
public record NewInhibitionRule(String name, List<LabelMatcher> source, List<LabelMatcher> target,
        List<String> equal) {
}
