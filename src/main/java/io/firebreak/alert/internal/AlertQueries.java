package io.firebreak.alert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.shared.IndexPlans;

import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.alert.AlertFilter;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.Suppression;
import io.firebreak.alert.TransitionKind;
import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;

/** Reads of alerts and of the transition feed. */
@Repository
public class AlertQueries {

    private static final String SELECT = """
            SELECT a.*, i.name AS integration_name, i.type AS integration_type
            FROM alert a JOIN alert_integration i ON i.id = a.integration_id
            """;

    private final JdbcClient jdbc;
    private final IndexPlans indexPlans;

    AlertQueries(JdbcClient jdbc, IndexPlans indexPlans) {
        this.jdbc = jdbc;
        this.indexPlans = indexPlans;
    }

    public Optional<AlertView> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<String> payload(long id) {
        return jdbc.sql("SELECT payload FROM alert WHERE id = :id").param("id", id).query(String.class).optional();
    }

    public List<AlertView> findAll(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        // One array parameter, not an IN list whose length makes each call a different statement,
        // and an index look-up whatever the table's statistics (IndexPlans; needs a transaction).
        return indexPlans.query(SELECT + " WHERE a.id = ANY(?) ORDER BY a.id", (rs, n) -> map(rs),
                (Object) ids.toArray(Long[]::new));
    }

    public Optional<AlertView> findByFingerprint(long integrationId, String fingerprint) {
        return jdbc.sql(SELECT + " WHERE a.integration_id = :i AND a.fingerprint = :f").param("i", integrationId)
                .param("f", fingerprint).query((rs, n) -> map(rs)).optional();
    }

    public PageResult<AlertView> search(AlertFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f != null) {
            if (f.status() != null) {
                where.append(" AND a.status = :status");
                params.put("status", f.status().name());
            }
            if (f.suppressed() != null) {
                where.append(f.suppressed() ? " AND a.suppression IS NOT NULL" : " AND a.suppression IS NULL");
            }
            if (f.integrationId() != null) {
                where.append(" AND a.integration_id = :integration");
                params.put("integration", f.integrationId());
            }
            if (f.serviceId() != null) {
                where.append(" AND a.service_id = :service");
                params.put("service", f.serviceId());
            }
            int i = 0;
            for (var e : (f.labels() == null ? Map.<String, String>of() : f.labels()).entrySet()) {
                String pair = Json.map(Map.of(e.getKey(), e.getValue()));
                pair = pair.substring(1, pair.length() - 1);
                where.append(" AND a.labels LIKE :label").append(i).append(" ESCAPE '\\'");
                params.put("label" + i++, "%" + likeEscape(pair) + "%");
            }
            if (f.text() != null && !f.text().isBlank()) {
                where.append(" AND (LOWER(a.title) LIKE :text ESCAPE '\\' OR LOWER(a.labels) LIKE :text ESCAPE '\\'"
                        + " OR LOWER(a.fingerprint) LIKE :text ESCAPE '\\')");
                params.put("text", "%" + likeEscape(f.text().trim().toLowerCase()) + "%");
            }
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM alert a" + where).params(params).query(Long.class).single();
        List<AlertView> items = jdbc.sql(SELECT + where + " ORDER BY a.last_seen_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs)).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    public List<AlertFeedEntry> feedAfter(long afterSeq, int limit) {
        record Row(long seq, long alertId, String kind, java.time.Instant at) {
        }
        List<Row> rows = indexPlans.query("SELECT seq, alert_id, kind, at FROM alert_transition WHERE seq > ? "
                + "ORDER BY seq LIMIT ?", (rs, n) -> new Row(rs.getLong("seq"), rs.getLong("alert_id"),
                        rs.getString("kind"), AlertRow.instant(rs, "at")), afterSeq, limit);
        Map<Long, AlertView> alerts = new HashMap<>();
        findAll(rows.stream().map(Row::alertId).distinct().toList()).forEach(a -> alerts.put(a.id(), a));
        List<AlertFeedEntry> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(new AlertFeedEntry(r.seq(), TransitionKind.valueOf(r.kind()), r.at(), alerts.get(r.alertId())));
        }
        return result;
    }

    /** Firing alerts whose v2 expiry has passed, for the expiry pass. */
    public List<Object[]> expired(java.time.Instant now, int limit) {
        return jdbc.sql("SELECT integration_id, fingerprint FROM alert WHERE status = 'FIRING' AND expires_at <= :t "
                + "ORDER BY expires_at LIMIT :l").param("t", AlertStore.ts(now)).param("l", limit)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static AlertView map(ResultSet rs) throws SQLException {
        long sid = rs.getLong("service_id");
        Long serviceId = rs.wasNull() ? null : sid;
        String suppression = rs.getString("suppression");
        return new AlertView(rs.getLong("id"), rs.getLong("integration_id"), rs.getString("integration_name"),
                AlertSource.valueOf(rs.getString("integration_type")), rs.getString("fingerprint"),
                rs.getString("group_key"), rs.getString("title"), rs.getString("description"),
                AlertStatus.valueOf(rs.getString("status")), rs.getString("severity"), rs.getString("level_code"),
                serviceId, Json.map(rs.getString("labels")), Json.map(rs.getString("annotations")),
                Json.links(rs.getString("links")), AlertRow.instant(rs, "starts_at"), AlertRow.instant(rs, "ends_at"),
                AlertRow.instant(rs, "first_seen_at"), AlertRow.instant(rs, "last_seen_at"),
                AlertRow.instant(rs, "resolved_at"), rs.getLong("fire_count"),
                suppression == null ? null : Suppression.valueOf(suppression), rs.getBoolean("acknowledged"));
    }
}
