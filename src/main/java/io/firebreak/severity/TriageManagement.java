package io.firebreak.severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

/**
 * Recommends a level of the active scheme from triage answers.
 * <p>
 * TEMPORARY: only the P0–P3 decision tree, in English, until the severity module's rules land.
 */
@Service
public class TriageManagement {

    private final SeverityManagement severity;

    TriageManagement(SeverityManagement severity) {
        this.severity = severity;
    }

    public TriageRecommendation recommend(TriageAnswers answers, Locale locale) {
        List<TriageReason> reasons = new ArrayList<>();
        int rank;
        if (Boolean.TRUE.equals(answers.serviceDown())) {
            rank = 0;
            reasons.add(new TriageReason("service-down", "The service is completely unavailable."));
        } else if (Boolean.TRUE.equals(answers.coreFunctionAffected())) {
            rank = 1;
            reasons.add(new TriageReason("core-function", "A core function is affected."));
        } else if (Boolean.TRUE.equals(answers.userExperienceDegraded())) {
            rank = 2;
            reasons.add(new TriageReason("ux-degraded", "User experience is degraded."));
        } else {
            rank = 3;
            reasons.add(new TriageReason("no-user-impact", "Users are not affected."));
        }
        var scheme = severity.activeScheme();
        var level = scheme.levels().get(Math.min(rank, scheme.levels().size() - 1));
        return new TriageRecommendation(scheme.code(), level.code(), level.name(), reasons);
    }
}
