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

    /** The change that would leave {@code level} as it is: a starting point for editing or restoring. */
    public static SeverityLevelChange of(SeverityLevelDefinition level) {
        Target response = level.responseTarget();
        Target resolution = level.resolutionTarget();
        return new SeverityLevelChange(level.nameEn(), level.nameZh(), level.definitionEn(), level.definitionZh(),
                level.examplesEn(), level.examplesZh(), response == null ? null : response.amount(),
                response == null ? null : response.unit().name(), resolution == null ? null : resolution.amount(),
                resolution == null ? null : resolution.unit().name(), level.audienceEn(), level.audienceZh(),
                level.postmortemRequired());
    }
}
