package io.firebreak.escalation.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.escalation.ClockRuleAction;
import io.firebreak.escalation.ClockRuleAnchor;
import io.firebreak.escalation.ClockRuleField;
import io.firebreak.escalation.ClockRuleView;
import io.firebreak.incident.IncidentStatus;

/**
 * Reads and writes the clock rule tables: {@code escalation_rule} (the rules),
 * {@code escalation_rule_due} (each rule's next firing per incident) and
 * {@code escalation_rule_fired} (every firing, unique per rule, incident and period).
 */
@Repository
public class ClockRuleRepository {

    private final JdbcClient jdbc;

    ClockRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A pending firing: the rule, the incident, the period it stands for and when it falls due. */
    public record Due(long incidentId, long ruleId, String period, Instant dueAt) {
    }

    // ---- rules --------------------------------------------------------------------------------

    public List<ClockRuleView> rules(Locale locale) {
        return jdbc.sql("SELECT * FROM escalation_rule ORDER BY id").query((rs, n) -> map(rs, locale)).list();
    }

    public List<ClockRuleView> enabledRules() {
        return jdbc.sql("SELECT * FROM escalation_rule WHERE enabled = TRUE ORDER BY id")
                .query((rs, n) -> map(rs, Locale.ENGLISH)).list();
    }

    public Optional<ClockRuleView> find(long id, Locale locale) {
        return jdbc.sql("SELECT * FROM escalation_rule WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs, locale)).optional();
    }

    public long insert(ClockRuleInput.Row r, Instant now) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO escalation_rule (name_en, name_zh, enabled, level_codes, stage_names, anchor, after_amount,
                       business_time, missing_field, unacknowledged, repeat_minutes, actions, raise_to, audience_users,
                       audience_teams, audience_management, created_at, updated_at, version)
                VALUES (:nameEn, :nameZh, :enabled, :levels, :stages, :anchor, :after, :business, :missing, :unack,
                       :repeat, :actions, :raiseTo, :users, :teams, :management, :now, :now, 0)"""), r)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Replaces a rule's definition; false when the rule is gone. */
    public boolean update(long id, ClockRuleInput.Row r, Instant now) {
        return bind(jdbc.sql("""
                UPDATE escalation_rule SET name_en = :nameEn, name_zh = :nameZh, enabled = :enabled,
                       level_codes = :levels, stage_names = :stages, anchor = :anchor, after_amount = :after,
                       business_time = :business, missing_field = :missing, unacknowledged = :unack,
                       repeat_minutes = :repeat, actions = :actions, raise_to = :raiseTo, audience_users = :users,
                       audience_teams = :teams, audience_management = :management, updated_at = :now,
                       version = version + 1
                WHERE id = :id"""), r).param("now", utc(now)).param("id", id).update() == 1;
    }

    /** Deletes a rule (its pending firings go with it; past firings stay as history). */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM escalation_rule WHERE id = :id").param("id", id).update() == 1;
    }

    // ---- due rows ---------------------------------------------------------------------------

    /** Due rows whose time has come, earliest first. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM escalation_rule_due WHERE due_at <= :now ORDER BY due_at, incident_id, rule_id
                LIMIT :limit""").param("now", utc(now)).param("limit", limit).query((rs, n) -> due(rs)).list();
    }

    /** Pending rows of one incident, earliest first. */
    public List<Due> dueOf(long incidentId) {
        return jdbc.sql("SELECT * FROM escalation_rule_due WHERE incident_id = :i ORDER BY due_at, rule_id")
                .param("i", incidentId).query((rs, n) -> due(rs)).list();
    }

    /** Incidents with pending rows (the reconciling pass checks them even when they are no longer open). */
    public List<Long> incidentsWithDueRows() {
        return jdbc.sql("SELECT DISTINCT incident_id FROM escalation_rule_due").query(Long.class).list();
    }

    /**
     * Claims a due row by deleting it while it is due: the row lock makes a second claimer wait
     * and then find nothing, so exactly one caller proceeds (a rollback puts the row back).
     */
    public boolean claim(Due d, Instant now) {
        return jdbc.sql("""
                DELETE FROM escalation_rule_due
                WHERE incident_id = :i AND rule_id = :r AND period_key = :p AND due_at <= :now""")
                .param("i", d.incidentId()).param("r", d.ruleId()).param("p", d.period()).param("now", utc(now))
                .update() == 1;
    }

    /** The earliest pending {@code due_at} later than {@code after} (one probe of the due_at index). */
    public Optional<Instant> nextDueAfter(Instant after) {
        return jdbc.sql("SELECT MIN(due_at) AS next_due FROM escalation_rule_due WHERE due_at > :after")
                .param("after", utc(after)).query((rs, n) -> Optional.ofNullable(instant(rs, "next_due"))).single();
    }

    /**
     * Makes the incident's pending rows exactly {@code rows}; returns the earliest due instant of
     * the rows it wrote (new or moved), if any.
     */
    public Optional<Instant> replaceDue(long incidentId, Collection<Due> rows) {
        Map<String, Due> wanted = rows.stream().collect(Collectors.toMap(ClockRuleRepository::key,
                Function.identity(), (a, b) -> a));
        Map<String, Due> present = dueOf(incidentId).stream().collect(Collectors.toMap(ClockRuleRepository::key,
                Function.identity()));
        // Only differences are written, so an unchanged incident costs one read.
        for (Due old : present.values()) {
            Due now = wanted.get(key(old));
            if (now == null || !now.dueAt().equals(old.dueAt())) {
                jdbc.sql("DELETE FROM escalation_rule_due WHERE incident_id = :i AND rule_id = :r AND period_key = :p")
                        .param("i", old.incidentId()).param("r", old.ruleId()).param("p", old.period()).update();
            }
        }
        Instant earliest = null;
        for (Due d : wanted.values()) {
            Due old = present.get(key(d));
            if (old == null || !old.dueAt().equals(d.dueAt())) {
                jdbc.sql("""
                        INSERT INTO escalation_rule_due (incident_id, rule_id, period_key, due_at)
                        VALUES (:i, :r, :p, :due)""").param("i", d.incidentId()).param("r", d.ruleId())
                        .param("p", d.period()).param("due", utc(d.dueAt())).update();
                earliest = earliest == null || d.dueAt().isBefore(earliest) ? d.dueAt() : earliest;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** Removes pending rows of a rule (it was disabled, changed or deleted). */
    public void deleteDueOfRule(long ruleId) {
        jdbc.sql("DELETE FROM escalation_rule_due WHERE rule_id = :r").param("r", ruleId).update();
    }

    // ---- fired rows -------------------------------------------------------------------------

    /** Records a firing; a second firing of the same period fails on the primary key. */
    public void insertFired(long ruleId, long incidentId, String period, Instant at) {
        jdbc.sql("""
                INSERT INTO escalation_rule_fired (rule_id, incident_id, period_key, fired_at)
                VALUES (:r, :i, :p, :at)""").param("r", ruleId).param("i", incidentId).param("p", period)
                .param("at", utc(at)).update();
    }

    /** The periods already fired for an incident, per rule id. */
    public Map<Long, Set<String>> firedPeriods(long incidentId) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.sql("SELECT rule_id, period_key FROM escalation_rule_fired WHERE incident_id = :i")
                .param("i", incidentId).query(rs -> {
                    out.computeIfAbsent(rs.getLong("rule_id"), k -> new HashSet<>()).add(rs.getString("period_key"));
                });
        return out;
    }

    /** Firings of an incident, oldest first: {rule id, period, fired at}. */
    public List<Due> firings(long incidentId) {
        return jdbc.sql("""
                SELECT incident_id, rule_id, period_key, fired_at AS due_at FROM escalation_rule_fired
                WHERE incident_id = :i ORDER BY fired_at, rule_id""").param("i", incidentId)
                .query((rs, n) -> due(rs)).list();
    }

    // ---- mapping ----------------------------------------------------------------------------

    private static String key(Due d) {
        return d.ruleId() + "|" + d.period();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ClockRuleInput.Row r) {
        return spec.param("nameEn", r.nameEn()).param("nameZh", r.nameZh()).param("enabled", r.enabled())
                .param("levels", String.join(",", r.levels()))
                .param("stages", r.stages().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("anchor", r.anchor().name()).param("after", r.after()).param("business", r.businessTime())
                .param("missing", r.missingField() == null ? null : r.missingField().name())
                .param("unack", r.unacknowledged()).param("repeat", r.repeatMinutes())
                .param("actions", r.actions().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("raiseTo", r.raiseTo()).param("users", join(r.audienceUsers()))
                .param("teams", join(r.audienceTeams())).param("management", r.audienceManagement());
    }

    private static ClockRuleView map(ResultSet rs, Locale locale) throws SQLException {
        String nameEn = rs.getString("name_en");
        String nameZh = rs.getString("name_zh");
        String missing = rs.getString("missing_field");
        int repeat = rs.getInt("repeat_minutes");
        Integer repeatMinutes = rs.wasNull() ? null : repeat;
        return new ClockRuleView(rs.getLong("id"), rs.getString("seed_key"),
                "zh".equals(locale.getLanguage()) ? nameZh : nameEn, nameEn, nameZh, rs.getBoolean("enabled"),
                split(rs.getString("level_codes")),
                split(rs.getString("stage_names")).stream().map(IncidentStatus::valueOf).toList(),
                ClockRuleAnchor.valueOf(rs.getString("anchor")), rs.getInt("after_amount"),
                rs.getBoolean("business_time"), missing == null ? null : ClockRuleField.valueOf(missing),
                rs.getBoolean("unacknowledged"), repeatMinutes,
                split(rs.getString("actions")).stream().map(ClockRuleAction::valueOf).toList(),
                rs.getString("raise_to"), split(rs.getString("audience_users")).stream().map(Long::valueOf).toList(),
                split(rs.getString("audience_teams")).stream().map(Long::valueOf).toList(),
                rs.getBoolean("audience_management"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Due due(ResultSet rs) throws SQLException {
        return new Due(rs.getLong("incident_id"), rs.getLong("rule_id"), rs.getString("period_key"),
                instant(rs, "due_at"));
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
