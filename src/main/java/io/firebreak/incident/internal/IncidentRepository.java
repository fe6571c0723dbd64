package io.firebreak.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.incident.ActionOutcome;
import io.firebreak.incident.ClockKind;
import io.firebreak.incident.ClockView;
import io.firebreak.incident.IncidentFilter;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentSummary;
import io.firebreak.incident.MitigationActionView;
import io.firebreak.incident.MitigationKind;
import io.firebreak.incident.NoteKind;
import io.firebreak.incident.NoteView;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.ServiceRef;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.incident.VerificationItem;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link Incident}s in the {@code incident_*} tables. {@link #update} checks the version it
 * loaded, so two concurrent changes of one incident cannot both commit.
 */
@Repository
public class IncidentRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IncidentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next incident number; a database sequence, so unique across threads and instances. */
    public long nextSeq() {
        return jdbc.sql("SELECT nextval('incident_number_seq')").query(Long.class).single();
    }

    public Optional<Long> idBySeq(long seq) {
        return jdbc.sql("SELECT id FROM incident WHERE seq = :seq").param("seq", seq).query(Long.class).optional();
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = :id").param("id", id)
                .query((rs, n) -> load(rs)).optional();
    }

    public long insert(Incident i) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (seq, title, description, status, scheme_code, level_code, level_name, level_rank,
                    level_confirmed, triage_json, impact_summary, direct_cause, root_cause_category, root_cause,
                    ticket_url, false_alarm, close_reason, detected_at, created_at, updated_at, version)
                VALUES (:seq, :title, :description, :status, :scheme, :level, :levelName, :levelRank, :confirmed,
                    :triage, :impact, :direct, :category, :root, :ticket, :falseAlarm, :closeReason, :detectedAt,
                    :createdAt, :updatedAt, 0)
                """)
                .params(columns(i))
                .param("seq", i.seq())
                .param("detectedAt", ts(i.detectedAt()))
                .param("createdAt", ts(i.createdAt()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeChildren(id, i);
        for (IncidentClock c : i.clocks()) {
            jdbc.sql("""
                    INSERT INTO incident_clock (incident_id, kind, started_at, due_at, stopped_at, breached_at)
                    VALUES (:id, :kind, :started, :due, :stopped, NULL)
                    """)
                    .param("id", id).param("kind", c.kind().name()).param("started", ts(c.startedAt()))
                    .param("due", ts(c.dueAt())).param("stopped", ts(c.stoppedAt())).update();
        }
        return id;
    }

    /**
     * Writes the aggregate back if nobody changed it since it was loaded; returns the new version.
     * The child rows (services, stages, roles, verification) are rewritten only when
     * {@code childrenChanged}, the clocks only when {@code clocksChanged}: most changes (an alert
     * joining, a note) leave them as they were.
     */
    public long update(Incident i, boolean childrenChanged, boolean clocksChanged) {
        int rows = jdbc.sql("""
                UPDATE incident SET title = :title, description = :description, status = :status,
                    scheme_code = :scheme, level_code = :level, level_name = :levelName, level_rank = :levelRank,
                    level_confirmed = :confirmed, triage_json = :triage, impact_summary = :impact,
                    direct_cause = :direct, root_cause_category = :category, root_cause = :root, ticket_url = :ticket,
                    false_alarm = :falseAlarm, close_reason = :closeReason, updated_at = :updatedAt,
                    version = version + 1
                WHERE id = :id AND version = :version
                """)
                .params(columns(i))
                .param("id", i.id())
                .param("version", i.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("incident " + i.id() + " changed concurrently");
        }
        if (childrenChanged) {
            jdbc.sql("DELETE FROM incident_service WHERE incident_id = :id").param("id", i.id()).update();
            jdbc.sql("DELETE FROM incident_stage WHERE incident_id = :id").param("id", i.id()).update();
            jdbc.sql("DELETE FROM incident_role WHERE incident_id = :id").param("id", i.id()).update();
            jdbc.sql("DELETE FROM incident_verification WHERE incident_id = :id").param("id", i.id()).update();
            writeChildren(i.id(), i);
        }
        for (IncidentClock c : clocksChanged ? i.clocks() : List.<IncidentClock>of()) {
            // breached_at belongs to the clock worker; only clear it when the aggregate asked to.
            jdbc.sql("""
                    UPDATE incident_clock SET due_at = :due, stopped_at = :stopped,
                        breached_at = CASE WHEN :clear THEN NULL ELSE breached_at END
                    WHERE incident_id = :id AND kind = :kind
                    """)
                    .param("due", ts(c.dueAt())).param("stopped", ts(c.stoppedAt()))
                    .param("clear", c.breachCleared()).param("id", i.id()).param("kind", c.kind().name()).update();
        }
        return i.version() + 1;
    }

    private Map<String, Object> columns(Incident i) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", i.title());
        p.put("description", i.description());
        p.put("status", i.status().name());
        p.put("scheme", i.schemeCode());
        p.put("level", i.levelCode());
        p.put("levelName", i.levelName());
        p.put("levelRank", i.levelRank());
        p.put("confirmed", i.levelConfirmed());
        p.put("triage", i.triage() == null ? null : json.writeValueAsString(i.triage()));
        p.put("impact", i.impactSummary());
        p.put("direct", i.directCause());
        p.put("category", i.rootCauseCategory() == null ? null : i.rootCauseCategory().name());
        p.put("root", i.rootCause());
        p.put("ticket", i.ticketUrl());
        p.put("falseAlarm", i.falseAlarm());
        p.put("closeReason", i.closeReason());
        p.put("updatedAt", ts(i.updatedAt()));
        return p;
    }

    private void writeChildren(long id, Incident i) {
        int pos = 0;
        for (ServiceRef s : i.services()) {
            jdbc.sql("INSERT INTO incident_service (incident_id, service_id, position, service_name) VALUES (:id, :sid, :pos, :name)")
                    .param("id", id).param("sid", s.id()).param("pos", pos++).param("name", s.name()).update();
        }
        for (StageStamp s : i.stages()) {
            jdbc.sql("INSERT INTO incident_stage (incident_id, stage, at, actor) VALUES (:id, :stage, :at, :actor)")
                    .param("id", id).param("stage", s.stage().name()).param("at", ts(s.at())).param("actor", s.by())
                    .update();
        }
        for (RoleAssignment r : i.roles()) {
            jdbc.sql("""
                    INSERT INTO incident_role (incident_id, role, user_id, username, display_name, assigned_at)
                    VALUES (:id, :role, :uid, :username, :display, :at)
                    """)
                    .param("id", id).param("role", r.role().name()).param("uid", r.userId())
                    .param("username", r.username()).param("display", r.displayName()).param("at", ts(r.assignedAt()))
                    .update();
        }
        for (VerificationItem v : i.recordedVerification()) {
            jdbc.sql("""
                    INSERT INTO incident_verification (incident_id, check_name, passed, actor, at, note)
                    VALUES (:id, :check, :passed, :actor, :at, :note)
                    """)
                    .param("id", id).param("check", v.check().name()).param("passed", v.passed())
                    .param("actor", v.by()).param("at", ts(v.at())).param("note", v.note()).update();
        }
    }

    private Incident load(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String triageJson = rs.getString("triage_json");
        String category = rs.getString("root_cause_category");
        return new Incident(id, rs.getLong("seq"), rs.getString("title"), rs.getString("description"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("scheme_code"), rs.getString("level_code"),
                rs.getString("level_name"), rs.getInt("level_rank"), rs.getBoolean("level_confirmed"),
                services(List.of(id)).getOrDefault(id, List.of()),
                triageJson == null ? null : json.readValue(triageJson, TriageAnswers.class),
                rs.getString("impact_summary"), stages(id), roles(List.of(id)).getOrDefault(id, List.of()),
                clocks(List.of(id)).getOrDefault(id, List.of()), verification(id), rs.getString("direct_cause"),
                category == null ? null : RootCauseCategory.valueOf(category), rs.getString("root_cause"),
                rs.getString("ticket_url"), rs.getBoolean("false_alarm"), rs.getString("close_reason"),
                instant(rs, "detected_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private List<StageStamp> stages(long id) {
        return jdbc.sql("SELECT * FROM incident_stage WHERE incident_id = :id").param("id", id)
                .query((rs, n) -> new StageStamp(Stage.valueOf(rs.getString("stage")), instant(rs, "at"),
                        rs.getString("actor")))
                .list();
    }

    private List<VerificationItem> verification(long id) {
        return jdbc.sql("SELECT * FROM incident_verification WHERE incident_id = :id").param("id", id)
                .query((rs, n) -> new VerificationItem(VerificationCheck.valueOf(rs.getString("check_name")),
                        rs.getBoolean("passed"), rs.getString("actor"), instant(rs, "at"), rs.getString("note")))
                .list();
    }

    private Map<Long, List<ServiceRef>> services(Collection<Long> ids) {
        Map<Long, List<ServiceRef>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM incident_service WHERE incident_id IN (:ids) ORDER BY incident_id, position")
                .param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                            .add(new ServiceRef(rs.getLong("service_id"), rs.getString("service_name")));
                });
        return out;
    }

    private Map<Long, List<RoleAssignment>> roles(Collection<Long> ids) {
        Map<Long, List<RoleAssignment>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM incident_role WHERE incident_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                            .add(new RoleAssignment(IncidentRole.valueOf(rs.getString("role")), rs.getLong("user_id"),
                                    rs.getString("username"), rs.getString("display_name"), instant(rs, "assigned_at")));
                });
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(RoleAssignment::role)));
        return out;
    }

    private Map<Long, List<IncidentClock>> clocks(Collection<Long> ids) {
        Map<Long, List<IncidentClock>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM incident_clock WHERE incident_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                            .add(new IncidentClock(ClockKind.valueOf(rs.getString("kind")), instant(rs, "started_at"),
                                    instant(rs, "due_at"), instant(rs, "stopped_at"), instant(rs, "breached_at")));
                });
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(IncidentClock::kind)));
        return out;
    }

    // ---- notes and actions ----------------------------------------------------------------

    public long insertNote(long incidentId, NoteKind kind, String body, String author, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident_note (incident_id, kind, body, author, at) VALUES (:id, :kind, :body, :author, :at)")
                .param("id", incidentId).param("kind", kind.name()).param("body", body).param("author", author)
                .param("at", ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<NoteView> notes(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_note WHERE incident_id = :id ORDER BY at, id").param("id", incidentId)
                .query((rs, n) -> new NoteView(rs.getLong("id"), NoteKind.valueOf(rs.getString("kind")),
                        rs.getString("body"), rs.getString("author"), instant(rs, "at")))
                .list();
    }

    public long insertAction(long incidentId, MitigationKind kind, String description, ActionOutcome outcome,
            String outcomeNote, String actor, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_action (incident_id, kind, description, outcome, outcome_note, actor, at, updated_at)
                VALUES (:id, :kind, :description, :outcome, :note, :actor, :at, :at)
                """)
                .param("id", incidentId).param("kind", kind.name()).param("description", description)
                .param("outcome", outcome.name()).param("note", outcomeNote).param("actor", actor).param("at", ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<MitigationActionView> action(long incidentId, long actionId) {
        return jdbc.sql("SELECT * FROM incident_action WHERE incident_id = :id AND id = :aid")
                .param("id", incidentId).param("aid", actionId).query((rs, n) -> action(rs)).optional();
    }

    public void updateAction(long actionId, ActionOutcome outcome, String outcomeNote, Instant at) {
        jdbc.sql("UPDATE incident_action SET outcome = :outcome, outcome_note = :note, updated_at = :at WHERE id = :aid")
                .param("outcome", outcome.name()).param("note", outcomeNote).param("at", ts(at)).param("aid", actionId)
                .update();
    }

    public List<MitigationActionView> actions(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_action WHERE incident_id = :id ORDER BY at, id").param("id", incidentId)
                .query((rs, n) -> action(rs)).list();
    }

    private static MitigationActionView action(ResultSet rs) throws SQLException {
        return new MitigationActionView(rs.getLong("id"), MitigationKind.valueOf(rs.getString("kind")),
                rs.getString("description"), ActionOutcome.valueOf(rs.getString("outcome")),
                rs.getString("outcome_note"), rs.getString("actor"), instant(rs, "at"), instant(rs, "updated_at"));
    }

    // ---- search ---------------------------------------------------------------------------

    /** A page of summaries matching the filter, newest detection first. */
    public PageResult<IncidentSummary> search(IncidentFilter f, PageRequest page, LevelNames names) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" AND i.status IN (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.levels() != null && !f.levels().isEmpty()) {
            where.append(" AND UPPER(i.level_code) IN (:levels)");
            params.put("levels", f.levels().stream().map(l -> l.toUpperCase(java.util.Locale.ROOT)).toList());
        }
        if (f.serviceId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM incident_service s WHERE s.incident_id = i.id AND s.service_id = :service)");
            params.put("service", f.serviceId());
        }
        if (f.text() != null && !f.text().isBlank()) {
            String q = f.text().strip();
            where.append(" AND (LOWER(i.title) LIKE :q ESCAPE '\\' OR LOWER(i.description) LIKE :q ESCAPE '\\'");
            params.put("q", "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            Long seq = IncidentRefs.seqOf(q);
            if (seq != null) {
                where.append(" OR i.seq = :seq");
                params.put("seq", seq);
            }
            where.append(")");
        }
        if (f.from() != null) {
            where.append(" AND i.detected_at >= :from");
            params.put("from", ts(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND i.detected_at < :to");
            params.put("to", ts(f.to()));
        }
        if (f.openOnly()) {
            where.append(" AND i.status <> 'CLOSED'");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM incident i" + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT i.* FROM incident i" + where
                        + " ORDER BY i.detected_at DESC, i.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> row(rs)).list();
        return new PageResult<>(summaries(rows, names), page.page(), page.size(), total);
    }

    /** Incidents not yet CLOSED, most severe first, then oldest first. */
    public List<IncidentSummary> open(LevelNames names) {
        return summaries(jdbc.sql("SELECT * FROM incident WHERE status <> 'CLOSED' ORDER BY level_rank, detected_at, id")
                .query((rs, n) -> row(rs)).list(), names);
    }

    /** The current name of a level in the reader's language; the stored name when the level is gone. */
    @FunctionalInterface
    public interface LevelNames {
        String name(String schemeCode, String levelCode, String storedName);
    }

    private record Row(long id, long seq, String title, IncidentStatus status, String schemeCode, String levelCode,
            String levelName, int levelRank, Instant detectedAt, Instant updatedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("seq"), rs.getString("title"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("scheme_code"), rs.getString("level_code"),
                rs.getString("level_name"), rs.getInt("level_rank"), instant(rs, "detected_at"),
                instant(rs, "updated_at"));
    }

    private List<IncidentSummary> summaries(List<Row> rows, LevelNames names) {
        Map<String, String> nameCache = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        var services = services(ids);
        var roles = roles(ids);
        var clocks = clocks(ids);
        Map<Long, IncidentSummary> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String commander = roles.getOrDefault(r.id(), List.of()).stream()
                    .filter(a -> a.role() == IncidentRole.COMMANDER).map(RoleAssignment::displayName)
                    .findFirst().orElse(null);
            List<ClockView> clockViews = clocks.getOrDefault(r.id(), List.of()).stream().map(IncidentClock::view)
                    .toList();
            String levelName = nameCache.computeIfAbsent(r.schemeCode() + "\u0000" + r.levelCode(),
                    k -> names.name(r.schemeCode(), r.levelCode(), r.levelName()));
            out.put(r.id(), new IncidentSummary(r.id(), Incident.number(r.seq()), r.title(), r.status(), r.levelCode(),
                    levelName, r.levelRank(), services.getOrDefault(r.id(), List.of()), clockViews, commander,
                    r.detectedAt(), r.updatedAt()));
        }
        return List.copyOf(out.values());
    }

    // ---- clock worker ---------------------------------------------------------------------

    /** A running clock past due with no breach recorded yet. */
    public record DueClock(long incidentId, ClockKind kind, Instant dueAt) {
    }

    public List<DueClock> dueClocks(Instant now, int limit) {
        return jdbc.sql("""
                SELECT incident_id, kind, due_at FROM incident_clock
                WHERE breached_at IS NULL AND stopped_at IS NULL AND due_at <= :now
                ORDER BY due_at LIMIT :limit
                """)
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new DueClock(rs.getLong("incident_id"), ClockKind.valueOf(rs.getString("kind")),
                        instant(rs, "due_at")))
                .list();
    }

    /** Records the breach if this caller is the first to see it; true when it was. */
    public boolean claimBreach(long incidentId, ClockKind kind, Instant now) {
        return jdbc.sql("""
                UPDATE incident_clock SET breached_at = :now
                WHERE incident_id = :id AND kind = :kind
                  AND breached_at IS NULL AND stopped_at IS NULL AND due_at <= :now
                """)
                .param("now", ts(now)).param("id", incidentId).param("kind", kind.name()).update() == 1;
    }

    public Optional<Long> seqOf(long incidentId) {
        return jdbc.sql("SELECT seq FROM incident WHERE id = :id").param("id", incidentId).query(Long.class).optional();
    }

    public Optional<Long> versionOf(long incidentId) {
        return jdbc.sql("SELECT version FROM incident WHERE id = :id").param("id", incidentId).query(Long.class)
                .optional();
    }

    // ---- helpers --------------------------------------------------------------------------

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
