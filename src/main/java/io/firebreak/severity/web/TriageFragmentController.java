package io.firebreak.severity.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.severity.BusinessImpact;
import io.firebreak.severity.SeverityLevelView;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.severity.TriageManagement;
import io.firebreak.severity.TriageRecommendation;
import io.firebreak.shared.InvalidInputException;

/**
 * {@code POST /triage/recommendation} (UI, form-encoded): the recommendation as the HTML fragment
 * {@code severity/recommendation} for the incident declare form. Bad input shows the error in the
 * fragment instead of failing the request.
 */
@Controller
class TriageFragmentController {

    private final TriageManagement triage;
    private final SeverityManagement severity;
    private final MessageSource messages;

    TriageFragmentController(TriageManagement triage, SeverityManagement severity, MessageSource messages) {
        this.triage = triage;
        this.severity = severity;
        this.messages = messages;
    }

    @PostMapping("/triage/recommendation")
    @PreAuthorize("hasRole('VIEWER')")
    String recommend(@RequestParam(required = false) String serviceDown,
            @RequestParam(required = false) String coreFunctionAffected,
            @RequestParam(required = false) String userExperienceDegraded,
            @RequestParam(required = false) String usersAffected,
            @RequestParam(required = false) String usersAffectedPercent,
            @RequestParam(required = false) String businessImpact,
            @RequestParam(required = false) String dataLoss,
            @RequestParam(required = false) String securityRisk,
            @RequestParam(required = false) String moneyLost, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            TriageAnswers answers = new TriageAnswers(bool(serviceDown, "serviceDown"),
                    bool(coreFunctionAffected, "coreFunctionAffected"),
                    bool(userExperienceDegraded, "userExperienceDegraded"),
                    number(usersAffected, "usersAffected"), percent(usersAffectedPercent),
                    impact(businessImpact), bool(dataLoss, "dataLoss"), bool(securityRisk, "securityRisk"),
                    bool(moneyLost, "moneyLost"));
            TriageRecommendation rec = triage.recommend(answers, locale);
            SeverityLevelView level = severity.findLevel(rec.schemeCode(), rec.levelCode()).orElseThrow();
            model.addAttribute("recommendation", rec);
            model.addAttribute("levelCode", rec.levelCode());
            model.addAttribute("rank", level.rank());
        } catch (InvalidInputException e) {
            String field = messages.getMessage("severity.triage.field." + e.field(), null, e.field(), locale);
            String problem = e.getMessage().startsWith("severity.") ? messages.getMessage(e.getMessage(), null, locale)
                    : e.getMessage();
            model.addAttribute("error", messages.getMessage("severity.triage.invalid", new Object[] { field, problem },
                    locale));
            model.addAttribute("levelCode", "");
        }
        return "severity/recommendation";
    }

    private static Boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> Boolean.TRUE;
            case "false", "off", "no" -> Boolean.FALSE;
            default -> throw new InvalidInputException(field, "severity.triage.unknownValue");
        };
    }

    private static Long number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new InvalidInputException(field, "severity.triage.notNegative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "severity.triage.mustBeNumber");
        }
    }

    private static Integer percent(String value) {
        Long n = number(value, "usersAffectedPercent");
        if (n != null && n > 100) {
            throw new InvalidInputException("usersAffectedPercent", "severity.triage.percentRange");
        }
        return n == null ? null : n.intValue();
    }

    private static BusinessImpact impact(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BusinessImpact.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("businessImpact", "severity.triage.unknownValue");
        }
    }
}
