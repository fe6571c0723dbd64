package io.firebreak.severity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.severity.Holiday;
import io.firebreak.severity.SeverityLevelDefinition;
import io.firebreak.severity.Target;
import io.firebreak.severity.TargetUnit;
import io.firebreak.severity.WorkingCalendar;

/** Reads and writes the severity module's tables: schemes, levels, the calendar and holidays. */
@Repository
public class SeverityRepository {

    private final JdbcClient jdbc;

    SeverityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SchemeRow> schemes() {
        return jdbc.sql("SELECT * FROM severity_scheme ORDER BY position, code").query(SeverityRepository::scheme).list();
    }

    public Optional<SchemeRow> scheme(String code) {
        return jdbc.sql("SELECT * FROM severity_scheme WHERE code = :code").param("code", code)
                .query(SeverityRepository::scheme).optional();
    }

    public List<SeverityLevelDefinition> levels() {
        return jdbc.sql("SELECT * FROM severity_level ORDER BY scheme_code, level_rank")
                .query(SeverityRepository::level).list();
    }

    public List<SeverityLevelDefinition> levels(String schemeCode) {
        return jdbc.sql("SELECT * FROM severity_level WHERE scheme_code = :scheme ORDER BY level_rank")
                .param("scheme", schemeCode).query(SeverityRepository::level).list();
    }

    public Optional<SeverityLevelDefinition> level(String schemeCode, String code) {
        return jdbc.sql("SELECT * FROM severity_level WHERE scheme_code = :scheme AND code = :code")
                .param("scheme", schemeCode).param("code", code).query(SeverityRepository::level).optional();
    }

    /** Makes {@code code} the only active scheme; the caller's transaction keeps this atomic. */
    public void activate(String code) {
        jdbc.sql("UPDATE severity_scheme SET active = NULL WHERE active = TRUE AND code <> :code")
                .param("code", code).update();
        jdbc.sql("UPDATE severity_scheme SET active = TRUE WHERE code = :code").param("code", code).update();
    }

    public void updateLevel(SeverityLevelDefinition l) {
        jdbc.sql("""
                UPDATE severity_level SET name_en = :nameEn, name_zh = :nameZh,
                    definition_en = :definitionEn, definition_zh = :definitionZh,
                    examples_en = :examplesEn, examples_zh = :examplesZh,
                    response_amount = :responseAmount, response_unit = :responseUnit,
                    resolution_amount = :resolutionAmount, resolution_unit = :resolutionUnit,
                    audience_en = :audienceEn, audience_zh = :audienceZh, postmortem_required = :postmortem
                WHERE scheme_code = :scheme AND code = :code
                """)
                // names are NOT NULL: a name left blank in one language is stored empty and falls back on reading
                .param("nameEn", l.nameEn() == null ? "" : l.nameEn())
                .param("nameZh", l.nameZh() == null ? "" : l.nameZh())
                .param("definitionEn", l.definitionEn()).param("definitionZh", l.definitionZh())
                .param("examplesEn", String.join("\n", l.examplesEn()))
                .param("examplesZh", String.join("\n", l.examplesZh()))
                .param("responseAmount", amount(l.responseTarget()))
                .param("responseUnit", unit(l.responseTarget()))
                .param("resolutionAmount", amount(l.resolutionTarget()))
                .param("resolutionUnit", unit(l.resolutionTarget()))
                .param("audienceEn", l.audienceEn()).param("audienceZh", l.audienceZh())
                .param("postmortem", l.postmortemRequired())
                .param("scheme", l.schemeCode()).param("code", l.code())
                .update();
    }

    public WorkingCalendar calendar() {
        List<Holiday> holidays = holidays();
        return jdbc.sql("SELECT * FROM severity_calendar WHERE id = 1")
                .query((rs, n) -> new WorkingCalendar(ZoneId.of(rs.getString("time_zone")),
                        days(rs.getString("working_days")), rs.getObject("day_start", LocalTime.class),
                        rs.getObject("day_end", LocalTime.class), holidays))
                .optional().orElseGet(WorkingCalendar::standard);
    }

    public void saveCalendar(WorkingCalendar calendar) {
        jdbc.sql("""
                UPDATE severity_calendar SET time_zone = :zone, working_days = :days, day_start = :start,
                    day_end = :end WHERE id = 1
                """)
                .param("zone", calendar.timeZone().getId())
                .param("days", calendar.workingDaysInOrder().stream().map(d -> d.name().substring(0, 3))
                        .collect(Collectors.joining(",")))
                .param("start", calendar.dayStart())
                .param("end", calendar.dayEnd())
                .update();
    }

    public List<Holiday> holidays() {
        return jdbc.sql("SELECT * FROM severity_holiday ORDER BY holiday_date")
                .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")))
                .list();
    }

    public Optional<Holiday> holiday(LocalDate date) {
        return jdbc.sql("SELECT * FROM severity_holiday WHERE holiday_date = :date").param("date", date)
                .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")))
                .optional();
    }

    public void insertHoliday(Holiday holiday) {
        jdbc.sql("INSERT INTO severity_holiday (holiday_date, name) VALUES (:date, :name)")
                .param("date", holiday.date()).param("name", holiday.name()).update();
    }

    public void updateHoliday(Holiday holiday) {
        jdbc.sql("UPDATE severity_holiday SET name = :name WHERE holiday_date = :date")
                .param("date", holiday.date()).param("name", holiday.name()).update();
    }

    public void deleteHoliday(LocalDate date) {
        jdbc.sql("DELETE FROM severity_holiday WHERE holiday_date = :date").param("date", date).update();
    }

    /** Parses "MON,TUE" (three-letter or full day names). */
    public static Set<DayOfWeek> days(String csv) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> days.add(day(s)));
        return days;
    }

    /** One day name, "MON" or "MONDAY" in any case; IllegalArgumentException otherwise. */
    public static DayOfWeek day(String name) {
        String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || d.name().substring(0, 3).equals(upper)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day " + name);
    }

    private static SchemeRow scheme(ResultSet rs, int n) throws SQLException {
        return new SchemeRow(rs.getString("code"), rs.getInt("position"), rs.getString("name_en"),
                rs.getString("name_zh"), rs.getString("description_en"), rs.getString("description_zh"),
                rs.getBoolean("active"));
    }

    private static SeverityLevelDefinition level(ResultSet rs, int n) throws SQLException {
        return new SeverityLevelDefinition(rs.getString("scheme_code"), rs.getString("code"), rs.getInt("level_rank"),
                rs.getString("name_en"), rs.getString("name_zh"), rs.getString("definition_en"),
                rs.getString("definition_zh"), lines(rs.getString("examples_en")), lines(rs.getString("examples_zh")),
                target(rs, "response"), target(rs, "resolution"), rs.getString("audience_en"),
                rs.getString("audience_zh"), rs.getBoolean("postmortem_required"));
    }

    private static Target target(ResultSet rs, String prefix) throws SQLException {
        int amount = rs.getInt(prefix + "_amount");
        String unit = rs.getString(prefix + "_unit");
        return rs.wasNull() || unit == null || amount <= 0 ? null : new Target(amount, TargetUnit.valueOf(unit));
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer amount(Target t) {
        return t == null ? null : t.amount();
    }

    private static String unit(Target t) {
        return t == null ? null : t.unit().name();
    }
}
