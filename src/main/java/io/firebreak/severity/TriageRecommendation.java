package io.firebreak.severity;

import java.util.List;

/** The level the triage questionnaire recommends in the active scheme, with the reasons. */
public record TriageRecommendation(String schemeCode, String levelCode, String levelName, List<TriageReason> reasons) {

    public TriageRecommendation {
        reasons = List.copyOf(reasons);
    }
}
