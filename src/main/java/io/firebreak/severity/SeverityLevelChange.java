package io.firebreak.severity;

import java.util.List;

/**
 * The new content of a level (its code and rank never change). Texts come in English and
 * Simplified Chinese; a name is required in at least one language. A target is given as an
 * amount and a {@link TargetUnit} name, both null for "no target". Validation errors name these
 * record components.
 */
public record SeverityLevelChange(String nameEn, String nameZh, String definitionEn, String definitionZh,
        List<String> examplesEn, List<String> examplesZh, Integer responseAmount, String responseUnit,
        Integer resolutionAmount, String resolutionUnit, String audienceEn, String audienceZh,
        Boolean postmortemRequired) {
}
