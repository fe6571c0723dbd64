package io.firebreak.incident.grouping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.incident.AlertAttachment;
import io.firebreak.incident.IncidentAlertView;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.InhibitionRuleView;
import io.firebreak.incident.LabelMatcher;
import io.firebreak.incident.internal.Incident;
import io.firebreak.shared.IndexPlans;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grouping tables of the incident module: the feed cursor, alert links, groups, flap and
 * re-open counters, inhibition rules. Callers run inside the transaction of a grouping pass.
 */
@Repository
public class GroupingStore {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<List<LabelMatcher>> MATCHERS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final IndexPlans indexPlans;

    GroupingStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, IndexPlans indexPlans) {
        this.indexPlans = indexPlans;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** A group: an integration's computed key and the incident it feeds. */
    public record Group(long id, long integrationId, String key, long incidentId, Instant openedAt, String baseTitle,
            String setTitle) {
    }

    /** A firing alert linked to an incident that is not closed: a possible inhibition source. */
    public record FiringAlert(long incidentId, long alertId, Map<String, String> labels) {
    }

    // ---- cursor ---------------------------------------------------------------------------

    void ensureCursor(String name) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM incident_grouping_cursor WHERE name = :n").param("n", name)
                .query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("INSERT INTO incident_grouping_cursor (name, last_seq) VALUES (:n, 0)").param("n", name).update();
        }
    }

    /** Locks the cursor row until the transaction ends and returns the last seq processed. */
    /** The incident's number, title and status: what grouping needs, without loading the aggregate. */
    IncidentHead head(long incidentId) {
        return jdbc.sql("SELECT id, seq, title, status FROM incident WHERE id = :id").param("id", incidentId)
                .query((rs, n) -> new IncidentHead(rs.getLong("id"), Incident.number(rs.getLong("seq")), rs.getString("title"),
                        IncidentStatus.valueOf(rs.getString("status"))))
                .single();
    }

    /** The last seq the cursor has processed, without locking it (0 when it does not exist). */
    long cursorPosition(String name) {
        return jdbc.sql("SELECT last_seq FROM incident_grouping_cursor WHERE name = :n").param("n", name)
                .query(Long.class).optional().orElse(0L);
    }

    long claimCursor(String name) {
        return jdbc.sql("SELECT last_seq FROM incident_grouping_cursor WHERE name = :n FOR UPDATE").param("n", name)
                .query(Long.class).single();
    }

    void moveCursor(String name, long seq, Instant now) {
        jdbc.sql("UPDATE incident_grouping_cursor SET last_seq = :s, updated_at = :t WHERE name = :n")
                .param("s", seq).param("t", ts(now)).param("n", name).update();
    }

    // ---- links ----------------------------------------------------------------------------

    public List<IncidentAlertView> links(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_alert WHERE incident_id = :i ORDER BY attached_at, alert_id")
                .param("i", incidentId).query(this::link).list();
    }

    Optional<IncidentAlertView> link(long incidentId, long alertId) {
        return jdbc.sql("SELECT * FROM incident_alert WHERE incident_id = :i AND alert_id = :a")
                .param("i", incidentId).param("a", alertId).query(this::link).optional();
    }

    /** Whether each of the alerts already linked to the incident is firing (alerts not linked are left out). */
    Map<Long, Boolean> linkStates(long incidentId, java.util.Collection<Long> alertIds) {
        Map<Long, Boolean> states = new java.util.HashMap<>();
        // By alert alone, filtered here: with stale statistics PostgreSQL planned "incident_id = ?
        // AND alert_id = ANY(?)" as a scan of ALL the incident's links (an alert storm: 40,000 rows
        // for 200 look-ups); by alert_id the only usable index is incident_alert_alert_idx.
        indexPlans.query("SELECT incident_id, alert_id, status FROM incident_alert WHERE alert_id = ANY(?)",
                (rs, n) -> rs.getLong("incident_id") != incidentId ? null
                        : states.put(rs.getLong("alert_id"), "FIRING".equals(rs.getString("status"))),
                (Object) alertIds.toArray(Long[]::new));
        return states;
    }

    /** A new link for {@link #insertLinks}. */
    record NewLink(long alertId, long integrationId, String title, Map<String, String> labels, AlertAttachment how) {
    }

    /** {@link #insertLink} for several alerts of one incident, as one batch. */
    void insertLinks(long incidentId, List<NewLink> links, Instant now) {
        template.batchUpdate("""
                INSERT INTO incident_alert (incident_id, alert_id, integration_id, title, labels_json, status, how,
                    attached_at, last_fired_at, fire_count)
                VALUES (?, ?, ?, ?, ?, 'FIRING', ?, ?, ?, 1)""",
                links.stream().map(l -> new Object[] { incidentId, l.alertId(), l.integrationId(), cut(l.title(), 500),
                        labelsJson(l.labels()), l.how().name(), ts(now), ts(now) }).toList());
    }

    /** Incidents the alert is linked to, newest link first; {@code firingOnly} keeps links still firing. */
    List<Long> incidentsOf(long alertId, boolean firingOnly) {
        return jdbc.sql("SELECT incident_id FROM incident_alert WHERE alert_id = :a"
                + (firingOnly ? " AND status = 'FIRING'" : "") + " ORDER BY attached_at DESC")
                .param("a", alertId).query(Long.class).list();
    }

    void insertLink(long incidentId, long alertId, long integrationId, String title, Map<String, String> labels,
            AlertAttachment how, Instant now) {
        jdbc.sql("""
                INSERT INTO incident_alert (incident_id, alert_id, integration_id, title, labels_json, status, how,
                    attached_at, last_fired_at, fire_count)
                VALUES (:i, :a, :g, :t, :l, 'FIRING', :h, :now, :now, 1)""")
                .param("i", incidentId).param("a", alertId).param("g", integrationId)
                .param("t", cut(title, 500)).param("l", labelsJson(labels)).param("h", how.name())
                .param("now", ts(now)).update();
    }

    void refire(long incidentId, long alertId, String title, Map<String, String> labels, Instant now) {
        jdbc.sql("""
                UPDATE incident_alert SET status = 'FIRING', title = :t, labels_json = :l, last_fired_at = :now,
                    resolved_at = NULL, fire_count = fire_count + 1 WHERE incident_id = :i AND alert_id = :a""")
                .param("t", cut(title, 500)).param("l", labelsJson(labels)).param("now", ts(now))
                .param("i", incidentId).param("a", alertId).update();
    }

    /** Marks the link resolved; false when it was not firing (a repeated resolution changes nothing). */
    boolean resolveLink(long incidentId, long alertId, Instant now) {
        return jdbc.sql("""
                UPDATE incident_alert SET status = 'RESOLVED', resolved_at = :now
                WHERE incident_id = :i AND alert_id = :a AND status = 'FIRING'""")
                .param("now", ts(now)).param("i", incidentId).param("a", alertId).update() == 1;
    }

    /**
     * Changes the incident's tally of linked alerts by the given deltas and returns the new
     * {firing, total}. Every change of a link's existence or firing state goes through here, in
     * the same transaction, so the tally always equals a count of incident_alert.
     */
    int[] tally(long incidentId, int firingDelta, int totalDelta) {
        int updated = jdbc.sql("UPDATE incident_alert_tally SET firing = firing + :f, total = total + :t"
                + " WHERE incident_id = :i")
                .param("f", firingDelta).param("t", totalDelta).param("i", incidentId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO incident_alert_tally (incident_id, firing, total) VALUES (:i, :f, :t)")
                    .param("i", incidentId).param("f", firingDelta).param("t", totalDelta).update();
        }
        return jdbc.sql("SELECT firing, total FROM incident_alert_tally WHERE incident_id = :i")
                .param("i", incidentId).query((rs, n) -> new int[] { rs.getInt("firing"), rs.getInt("total") })
                .single();
    }

    List<FiringAlert> firingOnOpenIncidents() {
        return jdbc.sql("""
                SELECT a.incident_id, a.alert_id, a.labels_json FROM incident_alert a
                JOIN incident i ON i.id = a.incident_id
                WHERE a.status = 'FIRING' AND i.status <> 'CLOSED' ORDER BY a.attached_at DESC""")
                .query((rs, n) -> new FiringAlert(rs.getLong("incident_id"), rs.getLong("alert_id"),
                        labels(rs.getString("labels_json"))))
                .list();
    }

    // ---- groups ---------------------------------------------------------------------------

    Optional<Group> latestGroup(long integrationId, String key) {
        return jdbc.sql("""
                SELECT * FROM incident_alert_group WHERE integration_id = :g AND group_key = :k
                ORDER BY opened_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("g", integrationId).param("k", key).query(this::group).optional();
    }

    /** The group whose title grouping manages on this incident (the one that opened it), if any. */
    Optional<Group> titledGroupOf(long incidentId) {
        return jdbc.sql("""
                SELECT * FROM incident_alert_group WHERE incident_id = :i AND base_title IS NOT NULL
                ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .param("i", incidentId).query(this::group).optional();
    }

    void insertGroup(long integrationId, String key, long incidentId, Instant openedAt, String baseTitle,
            String setTitle) {
        jdbc.sql("""
                INSERT INTO incident_alert_group (integration_id, group_key, incident_id, opened_at, base_title, set_title)
                VALUES (:g, :k, :i, :t, :b, :s)""")
                .param("g", integrationId).param("k", key).param("i", incidentId).param("t", ts(openedAt))
                .param("b", baseTitle).param("s", setTitle).update();
    }

    void setTitle(long groupId, String title) {
        jdbc.sql("UPDATE incident_alert_group SET set_title = :s WHERE id = :id").param("s", title)
                .param("id", groupId).update();
    }

    // ---- flap control and re-open cap -----------------------------------------------------

    /** Records a FIRED transition of the group, forgets those older than {@code keepAfter}, returns the count kept. */
    int recordFiring(long integrationId, String key, long alertId, Instant now, Instant keepAfter) {
        jdbc.sql("DELETE FROM incident_alert_firing WHERE integration_id = :g AND group_key = :k AND at <= :t")
                .param("g", integrationId).param("k", key).param("t", ts(keepAfter)).update();
        jdbc.sql("INSERT INTO incident_alert_firing (integration_id, group_key, alert_id, at) VALUES (:g, :k, :a, :t)")
                .param("g", integrationId).param("k", key).param("a", alertId).param("t", ts(now)).update();
        return jdbc.sql("SELECT COUNT(*) FROM incident_alert_firing WHERE integration_id = :g AND group_key = :k")
                .param("g", integrationId).param("k", key).query(Integer.class).single();
    }

    void clearFirings(long integrationId, String key) {
        jdbc.sql("DELETE FROM incident_alert_firing WHERE integration_id = :g AND group_key = :k")
                .param("g", integrationId).param("k", key).update();
    }

    int opensSince(long alertId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_alert_open WHERE alert_id = :a AND at > :t")
                .param("a", alertId).param("t", ts(since)).query(Integer.class).single();
    }

    void recordOpen(long alertId, long incidentId, Instant now) {
        jdbc.sql("DELETE FROM incident_alert_open WHERE alert_id = :a AND at <= :t").param("a", alertId)
                .param("t", ts(now.minus(java.time.Duration.ofDays(2)))).update();
        jdbc.sql("INSERT INTO incident_alert_open (alert_id, incident_id, at) VALUES (:a, :i, :t)")
                .param("a", alertId).param("i", incidentId).param("t", ts(now)).update();
    }

    /** Holds a firing alert back until {@code dueAt} (an earlier hold is kept). */
    void hold(String consumer, long alertId, long integrationId, Instant dueAt) {
        int held = jdbc.sql("SELECT COUNT(*) FROM incident_alert_held WHERE consumer = :c AND alert_id = :a")
                .param("c", consumer).param("a", alertId).query(Integer.class).single();
        if (held == 0) {
            jdbc.sql("INSERT INTO incident_alert_held (consumer, alert_id, integration_id, due_at)"
                    + " VALUES (:c, :a, :g, :t)")
                    .param("c", consumer).param("a", alertId).param("g", integrationId).param("t", ts(dueAt))
                    .update();
        }
    }

    void release(String consumer, long alertId) {
        jdbc.sql("DELETE FROM incident_alert_held WHERE consumer = :c AND alert_id = :a").param("c", consumer)
                .param("a", alertId).update();
    }

    /** Held alerts whose flap window has passed, oldest first. */
    List<Long> heldDue(String consumer, Instant now, int limit) {
        return jdbc.sql("SELECT alert_id FROM incident_alert_held WHERE consumer = :c AND due_at <= :t"
                + " ORDER BY due_at, alert_id FETCH FIRST " + limit + " ROWS ONLY")
                .param("c", consumer).param("t", ts(now)).query(Long.class).list();
    }

    // ---- inhibition rules -----------------------------------------------------------------

    public List<InhibitionRuleView> rules() {
        return jdbc.sql("SELECT * FROM incident_inhibition_rule ORDER BY id").query(this::mapRule).list();
    }

    public Optional<InhibitionRuleView> rule(long id) {
        return jdbc.sql("SELECT * FROM incident_inhibition_rule WHERE id = :id").param("id", id).query(this::mapRule)
                .optional();
    }

    public long insertRule(String name, List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal,
            String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_inhibition_rule (name, source_json, target_json, equal_json, created_by, created_at)
                VALUES (:n, :s, :t, :e, :by, :at)""")
                .param("n", name).param("s", json.writeValueAsString(source))
                .param("t", json.writeValueAsString(target)).param("e", json.writeValueAsString(equal))
                .param("by", actor).param("at", ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void deleteRule(long id) {
        jdbc.sql("DELETE FROM incident_inhibition_rule WHERE id = :id").param("id", id).update();
    }

    // ---- mapping --------------------------------------------------------------------------

    private IncidentAlertView link(ResultSet rs, int n) throws SQLException {
        return new IncidentAlertView(rs.getLong("alert_id"), rs.getLong("integration_id"), rs.getString("title"),
                labels(rs.getString("labels_json")), "FIRING".equals(rs.getString("status")),
                AlertAttachment.valueOf(rs.getString("how")), instant(rs, "attached_at"),
                instant(rs, "last_fired_at"), instant(rs, "resolved_at"), rs.getInt("fire_count"));
    }

    private Group group(ResultSet rs, int n) throws SQLException {
        return new Group(rs.getLong("id"), rs.getLong("integration_id"), rs.getString("group_key"),
                rs.getLong("incident_id"), instant(rs, "opened_at"), rs.getString("base_title"),
                rs.getString("set_title"));
    }

    private InhibitionRuleView mapRule(ResultSet rs, int n) throws SQLException {
        return new InhibitionRuleView(rs.getLong("id"), rs.getString("name"),
                json.readValue(rs.getString("source_json"), MATCHERS), json.readValue(rs.getString("target_json"), MATCHERS),
                json.readValue(rs.getString("equal_json"), STRINGS), rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private Map<String, String> labels(String text) {
        return text == null ? Map.of() : json.readValue(text, LABELS);
    }

    private String labelsJson(Map<String, String> labels) {
        String text = json.writeValueAsString(labels == null ? Map.of() : new java.util.TreeMap<>(labels));
        // Labels past the column's size are dropped from the copy kept here; the alert module keeps them all.
        return text.length() <= 8000 ? text : "{}";
    }

    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
