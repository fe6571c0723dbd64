package io.firebreak.severity;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.firebreak.severity.internal.TriageRules;
import io.firebreak.shared.InvalidInputException;

/**
 * Recommends a level of the active scheme from triage answers, with every reason that fired (a
 * stable code and a sentence in the requested language). The rules per preset are described on
 * {@link TriageRules}; the recommendation is the most severe level any rule reaches.
 */
@Service
public class TriageManagement {

    private final SeverityManagement severity;
    private final MessageSource messages;

    TriageManagement(SeverityManagement severity, MessageSource messages) {
        this.severity = severity;
        this.messages = messages;
    }

    /**
     * The recommendation for the active scheme. Unanswered questions are ignored; a count or
     * percentage out of range is {@link InvalidInputException} naming the field.
     */
    public TriageRecommendation recommend(TriageAnswers answers, Locale locale) {
        TriageAnswers a = answers == null ? TriageAnswers.none() : answers;
        if (a.usersAffected() != null && a.usersAffected() < 0) {
            throw new InvalidInputException("usersAffected", "must be 0 or more");
        }
        if (a.usersAffectedPercent() != null && (a.usersAffectedPercent() < 0 || a.usersAffectedPercent() > 100)) {
            throw new InvalidInputException("usersAffectedPercent", "must be between 0 and 100");
        }
        Locale lang = locale == null ? Locale.ENGLISH : locale;
        SeveritySchemeView scheme = severity.activeScheme(lang);
        List<TriageRules.Hit> hits = TriageRules.evaluate(scheme.code(), a);
        int best = hits.stream().mapToInt(TriageRules.Hit::rank).min().orElse(Integer.MAX_VALUE);
        SeverityLevelView level = levelAt(scheme, best);
        List<TriageReason> reasons = hits.stream().map(h -> reason(scheme, h, lang)).toList();
        return new TriageRecommendation(scheme.code(), level.code(), level.name(), reasons);
    }

    private TriageReason reason(SeveritySchemeView scheme, TriageRules.Hit hit, Locale locale) {
        Object[] args = new Object[1 + hit.args().length];
        args[0] = levelAt(scheme, hit.rank()).code();
        System.arraycopy(hit.args(), 0, args, 1, hit.args().length);
        String text = messages.getMessage("severity.triage.reason." + hit.code(), args, hit.code(), locale);
        return new TriageReason(hit.code(), text);
    }

    /** The level at this rank position, clamped to the scheme's least severe level. */
    private static SeverityLevelView levelAt(SeveritySchemeView scheme, int rank) {
        List<SeverityLevelView> levels = scheme.levels();
        return levels.get(Math.max(0, Math.min(rank, levels.size() - 1)));
    }
}
