package io.firebreak.alert.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertFeedAppended;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.LabelMatcher;
import io.firebreak.alert.Suppression;
import io.firebreak.alert.TransitionKind;
import io.firebreak.shared.IndexPlans;

/**
 * Applies a batch of {@link AlertCommand}s inside the caller's transaction: the affected alerts are
 * read once with {@code FOR UPDATE}, changed in memory in command order (so one batch may hold the
 * same fingerprint several times), written back with batched statements, and every transition is
 * appended to the feed with seqs taken from the locked feed counter, so seq order is commit order.
 * A concurrent insert of the same fingerprint by another instance fails on the unique constraint
 * and the caller retries the whole batch.
 */
@Component
class AlertStore {

    private static final int CHUNK = 500;

    private static final String INSERT_ALERT = """
            INSERT INTO alert (integration_id, fingerprint, group_key, title, description, status, severity,
                level_code, service_id, labels, annotations, links, starts_at, ends_at, expires_at, first_seen_at,
                last_seen_at, resolved_at, fire_count, suppression, acknowledged, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** Column types of {@link #INSERT_UNNEST}, in the order of its columns. */
    private static final String[] UNNEST_TYPES = { "bigint", "varchar", "varchar", "varchar", "varchar", "varchar",
            "varchar", "varchar", "bigint", "varchar", "varchar", "varchar", "timestamptz", "timestamptz",
            "timestamptz", "timestamptz", "timestamptz", "timestamptz", "bigint", "varchar", "boolean", "varchar" };

    /** PostgreSQL: INSERT_ALERT's columns, each bound as one array, unnested into rows. */
    private static final String INSERT_UNNEST = insertUnnest();

    private static String insertUnnest() {
        StringBuilder select = new StringBuilder();
        StringBuilder unnest = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < UNNEST_TYPES.length; c++) {
            String sep = c == 0 ? "" : ", ";
            boolean time = UNNEST_TYPES[c].equals("timestamptz");
            names.append(sep).append('c').append(c);
            unnest.append(sep).append("CAST(? AS ").append(time ? "bigint" : UNNEST_TYPES[c]).append("[])");
            // Timestamps travel as microseconds since the epoch: cheaper to send and to convert than
            // ISO text, and exact (whole seconds and the remainder are each exact in the interval arithmetic).
            select.append(sep).append(time ? "TIMESTAMPTZ 'epoch' + (c" + c + " / 1000000) * INTERVAL '1 second' + (c"
                    + c + " % 1000000) * INTERVAL '1 microsecond'" : "c" + c);
        }
        return "INSERT INTO alert (integration_id, fingerprint, group_key, title, description, status, severity, "
                + "level_code, service_id, labels, annotations, links, starts_at, ends_at, expires_at, first_seen_at, "
                + "last_seen_at, resolved_at, fire_count, suppression, acknowledged, payload) SELECT " + select
                + " FROM unnest(" + unnest + ") AS u(" + names + ") RETURNING id, integration_id, fingerprint";
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IndexPlans indexPlans;

    AlertStore(JdbcClient jdbc, JdbcTemplate template, Clock clock, ApplicationEventPublisher events,
            IndexPlans indexPlans) {
        this.indexPlans = indexPlans;
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    List<WriteResult> apply(List<AlertCommand> commands) {
        Instant now = clock.instant();
        Map<String, AlertRow> rows = load(commands);
        SuppressionSnapshot suppression = null;
        List<AlertRow> touched = new ArrayList<>(commands.size());
        List<TransitionKind> kinds = new ArrayList<>(commands.size());
        List<AlertRow> transitionRows = new ArrayList<>();
        List<String> transitionKinds = new ArrayList<>();
        for (AlertCommand c : commands) {
            AlertRow row = rows.get(c.key());
            TransitionKind kind = null;
            switch (c.action()) {
                case FIRE -> {
                    if (row == null) {
                        row = newRow(c, now);
                        rows.put(c.key(), row);
                    }
                    // A row created earlier in this batch counts too: one FIRED entry per actual transition.
                    boolean wasFiring = AlertStatus.FIRING.name().equals(row.status);
                    content(row, c);
                    row.expiresAt = c.expiresAt();
                    row.lastSeenAt = now;
                    row.fireCount++;
                    if (!wasFiring) {
                        if (suppression == null) {
                            suppression = snapshot(now);
                        }
                        // The command's own labels when it has them: the stored text need not be parsed back.
                        Suppression s = suppression.evaluate(row.serviceId,
                                c.labels() != null ? c.labels() : Json.map(row.labels));
                        row.suppression = s == null ? null : s.name();
                        row.status = AlertStatus.FIRING.name();
                        row.resolvedAt = null;
                        row.acknowledged = false;
                        row.startsAt = c.startsAt() != null ? c.startsAt() : now;
                        kind = TransitionKind.FIRED;
                    }
                    row.dirty = true;
                }
                case RESOLVE -> {
                    if (row == null) {
                        // A resolution of something never seen firing is kept (visible) but feeds nothing.
                        row = newRow(c, now);
                        row.status = AlertStatus.RESOLVED.name();
                        row.resolvedAt = c.endsAt() != null && !c.endsAt().isAfter(now) ? c.endsAt() : now;
                        rows.put(c.key(), row);
                        content(row, c);
                    } else {
                        content(row, c);
                        if (AlertStatus.FIRING.name().equals(row.status)) {
                            row.status = AlertStatus.RESOLVED.name();
                            row.resolvedAt = c.endsAt() != null && !c.endsAt().isAfter(now) ? c.endsAt() : now;
                            kind = TransitionKind.RESOLVED;
                        }
                    }
                    row.expiresAt = null;
                    row.lastSeenAt = now;
                    row.dirty = true;
                }
                case ACKNOWLEDGE -> {
                    if (row != null) {
                        if (AlertStatus.FIRING.name().equals(row.status) && !row.acknowledged) {
                            row.acknowledged = true;
                            kind = TransitionKind.ACKNOWLEDGED;
                        }
                        row.lastSeenAt = now;
                        row.dirty = true;
                    }
                }
                case EXPIRE -> {
                    // Conditional: only if still firing and its expiry has really passed (a refresh may have won).
                    if (row != null && !row.isNew && AlertStatus.FIRING.name().equals(row.status)
                            && row.expiresAt != null && !row.expiresAt.isAfter(c.expiresAt())) {
                        row.status = AlertStatus.RESOLVED.name();
                        row.resolvedAt = row.expiresAt;
                        row.expiresAt = null;
                        row.dirty = true;
                        kind = TransitionKind.RESOLVED;
                    }
                }
            }
            touched.add(row);
            kinds.add(kind);
            if (kind != null) {
                transitionRows.add(row);
                transitionKinds.add(kind.name());
            }
        }
        insertNew(rows.values());
        updateDirty(rows.values());
        if (!transitionRows.isEmpty()) {
            events.publishEvent(new AlertFeedAppended(appendToFeed(transitionRows, transitionKinds, now)));
        }
        List<WriteResult> results = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            AlertRow r = touched.get(i);
            results.add(new WriteResult(r == null ? 0 : r.id, commands.get(i).fingerprint(), kinds.get(i)));
        }
        return results;
    }

    private static AlertRow newRow(AlertCommand c, Instant now) {
        AlertRow r = new AlertRow();
        r.isNew = true;
        r.integrationId = c.integrationId();
        r.fingerprint = c.fingerprint();
        r.firstSeenAt = now;
        r.lastSeenAt = now;
        r.startsAt = c.startsAt() != null ? c.startsAt() : now;
        r.status = null;
        r.title = c.title() != null ? c.title() : c.fingerprint();
        return r;
    }

    /** Copies what the notification says about the alert; fields it leaves out keep their value. */
    private static void content(AlertRow r, AlertCommand c) {
        if (c.title() != null) {
            r.title = c.title();
        }
        if (c.description() != null) {
            r.description = c.description();
        }
        if (c.groupKey() != null) {
            r.groupKey = c.groupKey();
        }
        if (c.severity() != null) {
            r.severity = c.severity();
        }
        if (c.levelCode() != null) {
            r.levelCode = c.levelCode();
        }
        if (c.serviceId() != null) {
            r.serviceId = c.serviceId();
        }
        if (c.labels() != null) {
            r.labels = Json.map(c.labels());
        }
        if (c.annotations() != null) {
            r.annotations = Json.map(c.annotations());
        }
        if (c.links() != null) {
            r.links = Json.links(c.links());
        }
        if (c.endsAt() != null) {
            r.endsAt = c.endsAt();
        }
        if (c.payload() != null) {
            r.payload = c.payload();
        }
    }

    private Map<String, AlertRow> load(List<AlertCommand> commands) {
        Set<String> wanted = new HashSet<>();
        TreeSet<String> fingerprints = new TreeSet<>();
        for (AlertCommand c : commands) {
            wanted.add(c.key());
            fingerprints.add(c.fingerprint());
        }
        Map<String, AlertRow> rows = new HashMap<>();
        List<String> all = new ArrayList<>(fingerprints);
        for (int i = 0; i < all.size(); i += CHUNK) {
            // By fingerprint alone, as one array parameter: the unique index (fingerprint first) serves
            // it, and IndexPlans keeps PostgreSQL from scanning the table instead when statistics are
            // missing. A same fingerprint of another integration is locked too, briefly and harmlessly.
            String[] chunk = all.subList(i, Math.min(all.size(), i + CHUNK)).toArray(String[]::new);
            indexPlans.query(
                    "SELECT * FROM alert WHERE fingerprint = ANY(?) ORDER BY fingerprint, integration_id FOR UPDATE",
                    (rs, n) -> AlertRow.read(rs), (Object) chunk).forEach(r -> {
                        String key = r.integrationId + "\u0000" + r.fingerprint;
                        if (wanted.contains(key)) {
                            rows.put(key, r);
                        }
                    });
        }
        return rows;
    }

    private void insertNew(Iterable<AlertRow> rows) {
        List<AlertRow> fresh = new ArrayList<>();
        rows.forEach(r -> {
            if (r.isNew) {
                fresh.add(r);
            }
        });
        if (fresh.isEmpty()) {
            return;
        }
        if (indexPlans.postgres()) {
            insertAsOneStatement(fresh);
            return;
        }
        List<Object[]> args = new ArrayList<>(fresh.size());
        for (AlertRow r : fresh) {
            args.add(new Object[] { r.integrationId, r.fingerprint, r.groupKey, r.title, r.description, r.status,
                    r.severity, r.levelCode, r.serviceId, r.labels, r.annotations, r.links, ts(r.startsAt),
                    ts(r.endsAt), ts(r.expiresAt), ts(r.firstSeenAt), ts(r.lastSeenAt), ts(r.resolvedAt),
                    r.fireCount, r.suppression, r.acknowledged, r.payload });
        }
        // H2: the ids come back with the batch as generated keys, rather than from a separate
        // "SELECT id … WHERE fingerprint = ANY(?)" after the insert.
        var keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(INSERT_ALERT, new String[] { "id" }),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Object[] a = args.get(i);
                        for (int j = 0; j < a.length; j++) {
                            StatementCreatorUtils.setParameterValue(ps, j + 1, SqlTypeValue.TYPE_UNKNOWN, a[j]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return args.size();
                    }
                }, keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != fresh.size()) {
            // Rolls the batch back; the writer retries each request alone and answers 503, never a false 2xx.
            throw new IllegalStateException("the driver reported " + ids.size() + " keys for " + fresh.size() + " rows");
        }
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).id = ((Number) ids.get(i).values().iterator().next()).longValue();
        }
    }

    /**
     * PostgreSQL: all new rows in ONE statement, each column an array parameter unnested into rows.
     * pgjdbc cannot rewrite a batch that returns generated keys into a multi-row INSERT, so the batch
     * form costs a statement per alert; this costs one per writer batch. The ids come back keyed by
     * (integration, fingerprint), so nothing depends on the order of RETURNING.
     */
    private void insertAsOneStatement(List<AlertRow> fresh) {
        int n = fresh.size();
        String[] types = UNNEST_TYPES;
        Object[][] columns = new Object[types.length][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = switch (types[c]) {
                case "bigint", "timestamptz" -> new Long[n];
                case "boolean" -> new Boolean[n];
                default -> new String[n];
            };
        }
        Map<String, AlertRow> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            AlertRow r = fresh.get(i);
            byKey.put(r.integrationId + "\u0000" + r.fingerprint, r);
            Object[] v = { r.integrationId, r.fingerprint, r.groupKey, r.title, r.description, r.status, r.severity,
                    r.levelCode, r.serviceId, r.labels, r.annotations, r.links, micros(r.startsAt), micros(r.endsAt),
                    micros(r.expiresAt), micros(r.firstSeenAt), micros(r.lastSeenAt), micros(r.resolvedAt),
                    r.fireCount, r.suppression, r.acknowledged, r.payload };
            for (int c = 0; c < v.length; c++) {
                columns[c][i] = v[c];
            }
        }
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT_UNNEST);
            for (int c = 0; c < columns.length; c++) {
                String type = switch (types[c]) {
                    case "bigint", "timestamptz" -> "int8";
                    case "boolean" -> "bool";
                    default -> "text";
                };
                ps.setArray(c + 1, con.createArrayOf(type, columns[c]));
            }
            return ps;
        }, rs -> {
            byKey.get(rs.getLong(2) + "\u0000" + rs.getString(3)).id = rs.getLong(1);
        });
    }

    /** Microseconds since the epoch (the database's precision; floor for instants before 1970). */
    private static Long micros(Instant i) {
        return i == null ? null : Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    private void updateDirty(Iterable<AlertRow> rows) {
        List<Object[]> args = new ArrayList<>();
        for (AlertRow r : rows) {
            if (r.isNew || !r.dirty) {
                continue;
            }
            args.add(new Object[] { r.groupKey, r.title, r.description, r.status, r.severity, r.levelCode,
                    r.serviceId, r.labels, r.annotations, r.links, ts(r.startsAt), ts(r.endsAt), ts(r.expiresAt),
                    ts(r.lastSeenAt), ts(r.resolvedAt), r.fireCount, r.suppression, r.acknowledged, r.payload,
                    r.id });
        }
        if (!args.isEmpty()) {
            template.batchUpdate("""
                    UPDATE alert SET group_key = ?, title = ?, description = ?, status = ?, severity = ?,
                        level_code = ?, service_id = ?, labels = ?, annotations = ?, links = ?, starts_at = ?,
                        ends_at = ?, expires_at = ?, last_seen_at = ?, resolved_at = ?, fire_count = ?,
                        suppression = ?, acknowledged = ?, payload = ?
                    WHERE id = ?
                    """, args);
        }
    }

    /**
     * Appends one feed entry per transition, in order, with seqs reserved from the feed counter
     * (its row stays locked until commit, which orders the feed by commit); returns the last seq.
     */
    private long appendToFeed(List<AlertRow> rows, List<String> kinds, Instant now) {
        int n = rows.size();
        if (indexPlans.postgres()) {
            // One round trip for the counter and the entries: this runs once per writer batch.
            return jdbc.sql("""
                    WITH counter AS (UPDATE alert_feed_counter SET seq = seq + :n WHERE id = 1 RETURNING seq),
                    appended AS (
                        INSERT INTO alert_transition (seq, alert_id, kind, at)
                        SELECT counter.seq - :n + t.i, t.alert_id, t.kind, :at
                        FROM counter, unnest(CAST(:ids AS bigint[]), CAST(:kinds AS varchar[])) WITH ORDINALITY
                            AS t(alert_id, kind, i)
                        RETURNING seq)
                    SELECT max(seq) FROM appended""")
                    .param("n", n).param("at", ts(now))
                    .param("ids", rows.stream().map(r -> r.id).toArray(Long[]::new))
                    .param("kinds", kinds.toArray(String[]::new))
                    .query(Long.class).single();
        }
        jdbc.sql("UPDATE alert_feed_counter SET seq = seq + :n WHERE id = 1").param("n", n).update();
        long last = jdbc.sql("SELECT seq FROM alert_feed_counter WHERE id = 1").query(Long.class).single();
        List<Object[]> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new Object[] { last - n + 1 + i, rows.get(i).id, kinds.get(i), ts(now) });
        }
        template.batchUpdate("INSERT INTO alert_transition (seq, alert_id, kind, at) VALUES (?, ?, ?, ?)", entries);
        return last;
    }

    /**
     * The global switch, the services in maintenance and the silences' matchers in force at
     * {@code now}, read with one statement (once per writer batch that fires an alert).
     */
    SuppressionSnapshot snapshot(Instant now) {
        boolean[] panic = { false };
        var services = new HashSet<Long>();
        var silences = new ArrayList<List<LabelMatcher>>();
        jdbc.sql("""
                SELECT 'P' AS what, NULL AS service_id, CASE WHEN enabled THEN 'on' END AS matchers
                FROM (SELECT enabled FROM alert_global_switch ORDER BY id DESC FETCH FIRST 1 ROWS ONLY) g
                UNION ALL
                SELECT 'M', service_id, NULL FROM alert_maintenance_window WHERE starts_at <= :t AND ends_at > :t
                UNION ALL
                SELECT 'S', NULL, matchers FROM alert_silence WHERE starts_at <= :t AND ends_at > :t
                """).param("t", ts(now)).query(rs -> {
                    switch (rs.getString("what")) {
                        case "P" -> panic[0] = rs.getString("matchers") != null;
                        case "M" -> services.add(rs.getLong("service_id"));
                        default -> silences.add(Json.matchers(rs.getString("matchers")));
                    }
                });
        return new SuppressionSnapshot(panic[0], services, silences);
    }

    static OffsetDateTime ts(Instant i) {
        // Truncated to the database's microsecond precision, so a stored instant reads back unchanged.
        return i == null ? null : i.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

}
