package io.firebreak.severity;

import java.util.List;

/**
 * One level of a scheme. {@code rank} is 0 for the most severe level and grows downward.
 * Either target may be null where the scheme sets none (for example "fix in the next release").
 */
public record SeverityLevelView(String code, int rank, String name, String definition, List<String> examples,
        Target responseTarget, Target resolutionTarget, String audience, boolean postmortemRequired) {

    public SeverityLevelView {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }
}
