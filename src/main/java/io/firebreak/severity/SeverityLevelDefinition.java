package io.firebreak.severity;

import java.util.List;

/**
 * A level with its texts in both languages, as an administrator edits it. Targets may be null
 * (no clock for that target).
 */
public record SeverityLevelDefinition(String schemeCode, String code, int rank, String nameEn, String nameZh,
        String definitionEn, String definitionZh, List<String> examplesEn, List<String> examplesZh,
        Target responseTarget, Target resolutionTarget, String audienceEn, String audienceZh,
        boolean postmortemRequired) {

    public SeverityLevelDefinition {
        examplesEn = examplesEn == null ? List.of() : List.copyOf(examplesEn);
        examplesZh = examplesZh == null ? List.of() : List.copyOf(examplesZh);
    }
}
