package io.firebreak.probe.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.probe.ProbeResult;
import io.firebreak.probe.ProbeState;
import io.firebreak.probe.ProbeType;
import io.firebreak.probe.ProbeView;

/** Reads and writes the probe module's tables: {@code probe_check} and {@code probe_result}. */
@Repository
public class ProbeRepository {

    /** How many results are kept per check; older ones are pruned as new ones arrive. */
    public static final int HISTORY_KEPT = 500;

    private final JdbcClient jdbc;

    ProbeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A validated definition, ready to store. */
    public record Row(String name, ProbeType type, long serviceId, String levelCode, String url, String method,
            String expectedStatus, String bodyContains, Integer latencyLimitMs, String host, Integer port,
            int timeoutMs, int intervalSeconds, int failureThreshold, int successThreshold, boolean enabled) {
    }

    /** A check that is due, with the exact next_run_at value to claim it by. */
    public record Due(long id, OffsetDateTime nextRunAt, int intervalSeconds) {
    }

    public List<ProbeView> list() {
        return jdbc.sql("SELECT * FROM probe_check ORDER BY LOWER(name), id").query((rs, n) -> map(rs)).list();
    }

    public Optional<ProbeView> find(long id) {
        return jdbc.sql("SELECT * FROM probe_check WHERE id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    public Optional<ProbeView> lock(long id) {
        return jdbc.sql("SELECT * FROM probe_check WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    public List<Long> idsOfService(long serviceId) {
        return jdbc.sql("SELECT id FROM probe_check WHERE service_id = :s").param("s", serviceId).query(Long.class)
                .list();
    }

    public long insert(Row r, Instant now) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO probe_check (name, kind, service_id, level_code, url, method, expected_status,
                       body_contains, latency_limit_ms, host, port, timeout_ms, interval_seconds, failure_threshold,
                       success_threshold, enabled, next_run_at, created_at, updated_at)
                VALUES (:name, :kind, :service, :level, :url, :method, :expected, :body, :latency, :host, :port,
                       :timeout, :interval, :failures, :successes, :enabled, :now, :now, :now)
                """), r).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Replaces the definition; the next run is due at once so an edit shows its effect quickly.
     * Counters and the alerting flag stay: the alert follows the check across edits.
     */
    public void update(long id, Row r, Instant now) {
        bind(jdbc.sql("""
                UPDATE probe_check SET name = :name, kind = :kind, service_id = :service, level_code = :level,
                       url = :url, method = :method, expected_status = :expected, body_contains = :body,
                       latency_limit_ms = :latency, host = :host, port = :port, timeout_ms = :timeout,
                       interval_seconds = :interval, failure_threshold = :failures, success_threshold = :successes,
                       enabled = :enabled, next_run_at = :now, updated_at = :now
                WHERE id = :id
                """), r).param("now", utc(now)).param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM probe_result WHERE check_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM probe_check WHERE id = :id").param("id", id).update();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, next_run_at, interval_seconds FROM probe_check WHERE enabled = TRUE AND next_run_at <= :now
                ORDER BY next_run_at, id LIMIT :limit
                """).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("next_run_at", OffsetDateTime.class),
                        rs.getInt("interval_seconds")))
                .list();
    }

    /**
     * Claims a due run by moving its next_run_at on, only if nobody else did since it was read:
     * true means this caller, and no other instance, runs the check now.
     */
    public boolean claim(Due due, Instant next) {
        return jdbc.sql("UPDATE probe_check SET next_run_at = :next WHERE id = :id AND next_run_at = :seen")
                .param("next", utc(next)).param("id", due.id()).param("seen", due.nextRunAt()).update() == 1;
    }

    public void recordState(long id, Instant at, Outcome o, int failures, int successes, boolean alerting) {
        jdbc.sql("""
                UPDATE probe_check SET consecutive_failures = :f, consecutive_successes = :s, alerting = :alerting,
                       last_run_at = :at, last_ok = :ok, last_latency_ms = :latency, last_status_code = :status,
                       last_error = :error
                WHERE id = :id
                """).param("f", failures).param("s", successes).param("alerting", alerting).param("at", utc(at))
                .param("ok", o.ok()).param("latency", o.latencyMs()).param("status", o.statusCode())
                .param("error", o.error()).param("id", id).update();
    }

    public void setAlerting(long id, boolean alerting) {
        jdbc.sql("UPDATE probe_check SET alerting = :a WHERE id = :id").param("a", alerting).param("id", id).update();
    }

    /** Appends a result and prunes the check's history to the newest {@link #HISTORY_KEPT}. */
    public void addResult(long checkId, Instant at, Outcome o) {
        jdbc.sql("""
                INSERT INTO probe_result (check_id, at, ok, latency_ms, status_code, error)
                VALUES (:check, :at, :ok, :latency, :status, :error)
                """).param("check", checkId).param("at", utc(at)).param("ok", o.ok()).param("latency", o.latencyMs())
                .param("status", o.statusCode()).param("error", o.error()).update();
        jdbc.sql("SELECT id FROM probe_result WHERE check_id = :check ORDER BY id DESC LIMIT 1 OFFSET :kept")
                .param("check", checkId).param("kept", HISTORY_KEPT).query(Long.class).optional()
                .ifPresent(oldest -> jdbc.sql("DELETE FROM probe_result WHERE check_id = :check AND id <= :oldest")
                        .param("check", checkId).param("oldest", oldest).update());
    }

    public List<ProbeResult> history(long checkId, int limit) {
        return jdbc.sql("SELECT * FROM probe_result WHERE check_id = :check ORDER BY id DESC LIMIT :limit")
                .param("check", checkId).param("limit", limit)
                .query((rs, n) -> new ProbeResult(rs.getLong("id"), rs.getLong("check_id"), instant(rs, "at"),
                        rs.getBoolean("ok"), nullableLong(rs, "latency_ms"), nullableInt(rs, "status_code"),
                        rs.getString("error")))
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Row r) {
        return spec.param("name", r.name()).param("kind", r.type().name()).param("service", r.serviceId())
                .param("level", r.levelCode()).param("url", r.url()).param("method", r.method())
                .param("expected", r.expectedStatus()).param("body", r.bodyContains())
                .param("latency", r.latencyLimitMs()).param("host", r.host()).param("port", r.port())
                .param("timeout", r.timeoutMs()).param("interval", r.intervalSeconds())
                .param("failures", r.failureThreshold()).param("successes", r.successThreshold())
                .param("enabled", r.enabled());
    }

    public static String fingerprint(long id) {
        return "probe:" + id;
    }

    private static ProbeView map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Instant lastRun = instant(rs, "last_run_at");
        boolean alerting = rs.getBoolean("alerting");
        Boolean lastOk = rs.getBoolean("last_ok");
        if (rs.wasNull()) {
            lastOk = null;
        }
        ProbeState state = lastRun == null ? ProbeState.UNKNOWN
                : alerting ? ProbeState.DOWN : Boolean.FALSE.equals(lastOk) ? ProbeState.DEGRADED : ProbeState.UP;
        return new ProbeView(id, rs.getString("name"), ProbeType.valueOf(rs.getString("kind")),
                rs.getLong("service_id"), rs.getString("level_code"), rs.getString("url"), rs.getString("method"),
                rs.getString("expected_status"), rs.getString("body_contains"), nullableInt(rs, "latency_limit_ms"),
                rs.getString("host"), nullableInt(rs, "port"), rs.getInt("timeout_ms"), rs.getInt("interval_seconds"),
                rs.getInt("failure_threshold"), rs.getInt("success_threshold"), rs.getBoolean("enabled"), state,
                alerting, rs.getInt("consecutive_failures"), rs.getInt("consecutive_successes"),
                instant(rs, "next_run_at"), lastRun, lastOk, nullableLong(rs, "last_latency_ms"),
                nullableInt(rs, "last_status_code"), rs.getString("last_error"), instant(rs, "created_at"),
                fingerprint(id));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Integer nullableInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
