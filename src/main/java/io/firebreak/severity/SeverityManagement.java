package io.firebreak.severity;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.severity.internal.SchemeRow;
import io.firebreak.severity.internal.SeverityRepository;
import io.firebreak.severity.internal.Texts;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The severity module's facade: the schemes and their levels (exactly one scheme is active), the
 * administrator's changes to them, the working calendar, and when a target falls due.
 * <p>
 * Views carry the texts of the current request's language ({@link LocaleContextHolder}: Chinese
 * for {@code zh}, English otherwise), falling back to the other language where a text is blank.
 * Every change is audited in its own transaction.
 */
@Service
public class SeverityManagement {

    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 2000;
    static final int MAX_EXAMPLES = 4000;
    static final int MAX_AUDIENCE = 500;

    private final SeverityRepository repository;
    private final AuditManagement audit;

    SeverityManagement(SeverityRepository repository, AuditManagement audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The active scheme in the current request's language. */
    @Transactional(readOnly = true)
    public SeveritySchemeView activeScheme() {
        return activeScheme(LocaleContextHolder.getLocale());
    }

    /** The active scheme with texts in the given language. */
    @Transactional(readOnly = true)
    public SeveritySchemeView activeScheme(Locale locale) {
        return schemes(locale).stream().filter(SeveritySchemeView::active).findFirst()
                .orElseThrow(() -> new IllegalStateException("no severity scheme is active"));
    }

    /** Every scheme, the active one included, in their display order. */
    @Transactional(readOnly = true)
    public List<SeveritySchemeView> schemes() {
        return schemes(LocaleContextHolder.getLocale());
    }

    /** Every scheme with texts in the given language. */
    @Transactional(readOnly = true)
    public List<SeveritySchemeView> schemes(Locale locale) {
        Map<String, List<SeverityLevelView>> levels = new LinkedHashMap<>();
        for (SeverityLevelDefinition l : repository.levels()) {
            levels.computeIfAbsent(l.schemeCode(), k -> new ArrayList<>()).add(view(l, locale));
        }
        return repository.schemes().stream()
                .map(s -> view(s, levels.getOrDefault(s.code(), List.of()), locale)).toList();
    }

    /** The scheme with this code, or {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public SeveritySchemeView scheme(String code) {
        return schemes().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("no severity scheme " + code));
    }

    /** The level of the active scheme with this code. */
    @Transactional(readOnly = true)
    public Optional<SeverityLevelView> findLevel(String code) {
        return activeScheme().levels().stream().filter(l -> l.code().equalsIgnoreCase(String.valueOf(code)))
                .findFirst();
    }

    /** The level with this code in the given scheme (which need not be active). */
    @Transactional(readOnly = true)
    public Optional<SeverityLevelView> findLevel(String schemeCode, String levelCode) {
        if (schemeCode == null || levelCode == null) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        return repository.levels(schemeCode).stream().filter(l -> l.code().equalsIgnoreCase(levelCode)).findFirst()
                .map(l -> view(l, locale));
    }

    /** The level of the active scheme with this code, or {@link InvalidInputException} on {@code field}. */
    @Transactional(readOnly = true)
    public SeverityLevelView level(String code, String field) {
        return findLevel(code).orElseThrow(() -> new InvalidInputException(field,
                "is not a level of the active scheme " + activeScheme().code()));
    }

    /** A level with its texts in both languages, for editing; {@link NotFoundException} if unknown. */
    @Transactional(readOnly = true)
    public SeverityLevelDefinition levelDefinition(String schemeCode, String levelCode) {
        return repository.level(schemeCode, levelCode)
                .orElseThrow(() -> new NotFoundException("no level " + levelCode + " in scheme " + schemeCode));
    }

    /** Every level of a scheme with texts in both languages, most severe first. */
    @Transactional(readOnly = true)
    public List<SeverityLevelDefinition> levelDefinitions(String schemeCode) {
        if (repository.scheme(schemeCode).isEmpty()) {
            throw new NotFoundException("no severity scheme " + schemeCode);
        }
        return repository.levels(schemeCode);
    }

    /** When a target started at {@code start} falls due, counting business time in the working calendar. */
    @Transactional(readOnly = true)
    public Instant dueAt(Instant start, Target target) {
        return calendar().dueAt(start, target);
    }

    /** Makes the scheme with this code the active one (the previously active one becomes inactive). */
    @Transactional
    public SeveritySchemeView activate(String actor, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "must name a scheme");
        }
        SchemeRow target = repository.scheme(code.trim())
                .orElseThrow(() -> new InvalidInputException("code", "is not a known scheme"));
        String before = repository.schemes().stream().filter(SchemeRow::active).map(SchemeRow::code).findFirst()
                .orElse(null);
        if (!target.code().equals(before)) {
            repository.activate(target.code());
            audit.record(actor, "severity_scheme", target.code(), "activate",
                    before == null ? null : Map.of("active", before), Map.of("active", target.code()));
        }
        return scheme(target.code());
    }

    /** Replaces a level's texts, targets, audience and postmortem rule after validating them. */
    @Transactional
    public SeverityLevelDefinition updateLevel(String actor, String schemeCode, String levelCode,
            SeverityLevelChange change) {
        SeverityLevelDefinition before = levelDefinition(schemeCode, levelCode);
        if (change == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        String nameEn = text(change.nameEn(), "nameEn", MAX_NAME);
        String nameZh = text(change.nameZh(), "nameZh", MAX_NAME);
        if (nameEn == null && nameZh == null) {
            throw new InvalidInputException("nameEn", "must not be blank (give a name in at least one language)");
        }
        SeverityLevelDefinition after = new SeverityLevelDefinition(before.schemeCode(), before.code(), before.rank(),
                nameEn, nameZh,
                text(change.definitionEn(), "definitionEn", MAX_TEXT),
                text(change.definitionZh(), "definitionZh", MAX_TEXT),
                examples(change.examplesEn(), "examplesEn"), examples(change.examplesZh(), "examplesZh"),
                target(change.responseAmount(), change.responseUnit(), "responseAmount", "responseUnit"),
                target(change.resolutionAmount(), change.resolutionUnit(), "resolutionAmount", "resolutionUnit"),
                text(change.audienceEn(), "audienceEn", MAX_AUDIENCE),
                text(change.audienceZh(), "audienceZh", MAX_AUDIENCE),
                Boolean.TRUE.equals(change.postmortemRequired()));
        repository.updateLevel(after);
        audit.record(actor, "severity_level", schemeCode + "/" + levelCode, "update", before, after);
        return after;
    }

    /** The working calendar business time is counted in. */
    @Transactional(readOnly = true)
    public WorkingCalendar calendar() {
        return repository.calendar();
    }

    /** Replaces the calendar's time zone, working days and working hours (holidays stay). */
    @Transactional
    public WorkingCalendar updateCalendar(String actor, WorkingCalendarChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(required(change.timeZone(), "timeZone"));
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a known time zone id (such as Asia/Shanghai)");
        }
        if (change.workingDays() == null || change.workingDays().isEmpty()) {
            throw new InvalidInputException("workingDays", "must list at least one working day");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : change.workingDays()) {
            try {
                days.add(SeverityRepository.day(d == null ? "" : d));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("workingDays", "contains an unknown day: " + d);
            }
        }
        LocalTime start = time(change.dayStart(), "dayStart");
        LocalTime end = time(change.dayEnd(), "dayEnd");
        if (!start.isBefore(end)) {
            throw new InvalidInputException("dayEnd", "must be after dayStart");
        }
        WorkingCalendar before = repository.calendar();
        WorkingCalendar after = new WorkingCalendar(zone, days, start, end, before.holidays());
        repository.saveCalendar(after);
        audit.record(actor, "severity_calendar", "working-calendar", "update", calendarAudit(before),
                calendarAudit(after));
        return repository.calendar();
    }

    /** Adds a holiday, or renames the holiday already on that date. */
    @Transactional
    public Holiday addHoliday(String actor, LocalDate date, String name) {
        if (date == null) {
            throw new InvalidInputException("date", "is required (yyyy-MM-dd)");
        }
        String clean = text(name, "name", 200);
        if (clean == null) {
            throw new InvalidInputException("name", "must not be blank");
        }
        Holiday holiday = new Holiday(date, clean);
        Optional<Holiday> existing = repository.holiday(date);
        if (existing.isPresent()) {
            repository.updateHoliday(holiday);
        } else {
            repository.insertHoliday(holiday);
        }
        audit.record(actor, "severity_holiday", date.toString(), existing.isPresent() ? "update" : "create",
                existing.orElse(null), holiday);
        return holiday;
    }

    /** Removes the holiday on this date, or {@link NotFoundException}. */
    @Transactional
    public Holiday removeHoliday(String actor, LocalDate date) {
        Holiday existing = repository.holiday(date)
                .orElseThrow(() -> new NotFoundException("no holiday on " + date));
        repository.deleteHoliday(date);
        audit.record(actor, "severity_holiday", date.toString(), "delete", existing, null);
        return existing;
    }

    /** Parses a date "yyyy-MM-dd" or reports {@code field} as invalid. */
    public static LocalDate parseDate(String value, String field) {
        try {
            return LocalDate.parse(required(value, field));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date yyyy-MM-dd");
        }
    }

    private static Map<String, Object> calendarAudit(WorkingCalendar c) {
        return Map.of("timeZone", c.timeZone().getId(), "workingDays", c.workingDaysInOrder(),
                "dayStart", c.dayStart().toString(), "dayEnd", c.dayEnd().toString());
    }

    private static SeveritySchemeView view(SchemeRow s, List<SeverityLevelView> levels, Locale locale) {
        return new SeveritySchemeView(s.code(), Texts.pick(locale, s.nameEn(), s.nameZh()),
                Texts.pick(locale, s.descriptionEn(), s.descriptionZh()), s.active(), levels);
    }

    static SeverityLevelView view(SeverityLevelDefinition l, Locale locale) {
        return new SeverityLevelView(l.code(), l.rank(), Texts.pick(locale, l.nameEn(), l.nameZh()),
                Texts.pick(locale, l.definitionEn(), l.definitionZh()),
                Texts.pick(locale, l.examplesEn(), l.examplesZh()), l.responseTarget(), l.resolutionTarget(),
                Texts.pick(locale, l.audienceEn(), l.audienceZh()), l.postmortemRequired());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.trim();
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(required(value, field));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time HH:mm");
        }
    }

    /** Trimmed text or null when blank; too long → invalid. */
    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return t;
    }

    private static List<String> examples(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        List<String> clean = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (String.join("\n", clean).length() > MAX_EXAMPLES) {
            throw new InvalidInputException(field, "must be at most " + MAX_EXAMPLES + " characters in all");
        }
        return clean;
    }

    /** Both null → no target; otherwise a positive amount and a known unit. */
    private static Target target(Integer amount, String unit, String amountField, String unitField) {
        boolean noUnit = unit == null || unit.isBlank();
        if (amount == null && noUnit) {
            return null;
        }
        if (amount == null) {
            throw new InvalidInputException(amountField, "is required when a unit is given");
        }
        if (amount <= 0) {
            throw new InvalidInputException(amountField, "must be a positive number");
        }
        if (amount > 100_000) {
            throw new InvalidInputException(amountField, "must be at most 100000");
        }
        if (noUnit) {
            throw new InvalidInputException(unitField, "is required when an amount is given");
        }
        try {
            return new Target(amount, TargetUnit.valueOf(unit.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(unitField, "must be one of " + java.util.Arrays.toString(TargetUnit.values()));
        }
    }
}
