package io.firebreak.severity.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.severity.TriageAnswers;
import io.firebreak.severity.TriageManagement;
import io.firebreak.severity.TriageRecommendation;

/** {@code POST /api/v1/triage/recommendation}: the level the triage answers point to, in the caller's language. */
@RestController
class TriageApiController {

    private final TriageManagement triage;

    TriageApiController(TriageManagement triage) {
        this.triage = triage;
    }

    @PostMapping("/api/v1/triage/recommendation")
    TriageRecommendation recommend(@RequestBody(required = false) TriageAnswers answers) {
        return triage.recommend(answers, LocaleContextHolder.getLocale());
    }
}
