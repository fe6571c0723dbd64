package io.firebreak.severity.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.firebreak.severity.Target;
import io.firebreak.severity.TargetUnit;
import io.firebreak.severity.WorkingCalendar;

/**
 * Words for severity values in any template, as {@code @severityText}: a target in words
 * ({@code ${@severityText.target(level.responseTarget)}} → "15 minutes", "1 个工作日"), a unit's
 * name, a weekday's name, in the current request's language.
 */
@Component("severityText")
public class SeverityText {

    private final MessageSource messages;

    SeverityText(MessageSource messages) {
        this.messages = messages;
    }

    /** The target in words ("1 working day"), or the localized "No target" for null. */
    public String target(Target target) {
        Locale locale = LocaleContextHolder.getLocale();
        if (target == null) {
            return messages.getMessage("severity.target.none", null, locale);
        }
        return messages.getMessage("severity.target." + target.unit().name(), new Object[] { target.amount() },
                locale);
    }

    /** The unit's localized name ("working days"). */
    public String unit(TargetUnit unit) {
        return unit == null ? "" : messages.getMessage("severity.unit." + unit.name(), null, LocaleContextHolder.getLocale());
    }

    /** The weekday's full localized name. */
    public String day(DayOfWeek day) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    /** The calendar's working days, localized, in week order, comma-separated. */
    public String days(WorkingCalendar calendar) {
        return calendar.workingDaysInOrder().stream().map(this::day).collect(Collectors.joining(", "));
    }

    /** Lines joined by newlines, for a textarea with one item per line. */
    public String lines(List<String> lines) {
        return lines == null ? "" : String.join("\n", lines);
    }

    /** The CSS class of a level badge: {@code level-0} to {@code level-4}. */
    public String levelClass(int rank) {
        return "level-" + Math.max(0, Math.min(rank, 4));
    }
}
