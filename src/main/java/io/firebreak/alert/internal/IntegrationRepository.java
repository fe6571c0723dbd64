package io.firebreak.alert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.GroupingMode;
import io.firebreak.alert.GroupingPolicy;
import io.firebreak.alert.IntegrationView;

/**
 * Table {@code alert_integration}. Key look-ups are cached for a few seconds (ingestion asks for
 * every request); any change made through this instance clears the cache at once, other instances
 * see a revoked key refused within {@link #CACHE_TTL}.
 */
@Repository
public class IntegrationRepository {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();

    IntegrationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The enabled, unrevoked integration with this key, if any. */
    public Optional<IntegrationRecord> findActiveByKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = Keys.sha256(key.trim());
        // System time on purpose: the cache is about wall-clock freshness, not business time.
        long nowMs = System.currentTimeMillis();
        Cached c = byHash.get(hash);
        if (c == null || nowMs - c.loadedAt() > CACHE_TTL.toMillis()) {
            Optional<IntegrationRecord> found = jdbc.sql("SELECT * FROM alert_integration WHERE key_hash = :h")
                    .param("h", hash).query((rs, n) -> read(rs)).optional();
            c = new Cached(found, nowMs);
            byHash.put(hash, c);
        }
        return c.record().filter(r -> r.view().enabled() && r.view().revokedAt() == null);
    }

    public Optional<IntegrationRecord> find(long id) {
        return jdbc.sql("SELECT * FROM alert_integration WHERE id = :id").param("id", id).query((rs, n) -> read(rs))
                .optional();
    }

    public Optional<IntegrationRecord> findByType(AlertSource type) {
        return jdbc.sql("SELECT * FROM alert_integration WHERE type = :t ORDER BY id LIMIT 1").param("t", type.name())
                .query((rs, n) -> read(rs)).optional();
    }

    public List<IntegrationView> list() {
        return jdbc.sql("SELECT * FROM alert_integration ORDER BY LOWER(name), id").query((rs, n) -> read(rs).view())
                .list();
    }

    public long insert(String name, AlertSource type, String keyHash, String keyPrefix, String secret, Long serviceId,
            String serviceLabel, Map<String, String> mapping, String defaultLevel, GroupingPolicy g, boolean enabled) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_integration (name, type, key_hash, key_prefix, signing_secret, service_id,
                    service_label, severity_mapping, default_level, grouping_mode, group_labels, group_window_s,
                    open_after_firings, flap_window_s, max_reopens_per_day, auto_resolve, enabled, created_at)
                VALUES (:name, :type, :hash, :prefix, :secret, :service, :label, :mapping, :level, :mode, :labels,
                    :window, :after, :flap, :reopens, :auto, :enabled, :now)
                """)
                .param("name", name).param("type", type.name()).param("hash", keyHash).param("prefix", keyPrefix)
                .param("secret", secret).param("service", serviceId).param("label", serviceLabel)
                .param("mapping", Json.map(mapping)).param("level", defaultLevel).param("mode", g.mode().name())
                .param("labels", String.join(",", g.groupLabels())).param("window", g.window().toSeconds())
                .param("after", g.openAfterFirings()).param("flap", g.flapWindow().toSeconds())
                .param("reopens", g.maxReopensPerDay()).param("auto", g.autoResolve()).param("enabled", enabled)
                .param("now", AlertStore.ts(clock.instant()))
                .update(keys, "id");
        byHash.clear();
        return keys.getKey().longValue();
    }

    public void update(long id, String name, AlertSource type, String secret, Long serviceId, String serviceLabel,
            Map<String, String> mapping, String defaultLevel, GroupingPolicy g, boolean enabled) {
        jdbc.sql("""
                UPDATE alert_integration SET name = :name, type = :type, signing_secret = :secret,
                    service_id = :service, service_label = :label, severity_mapping = :mapping,
                    default_level = :level, grouping_mode = :mode, group_labels = :labels, group_window_s = :window,
                    open_after_firings = :after, flap_window_s = :flap, max_reopens_per_day = :reopens,
                    auto_resolve = :auto, enabled = :enabled
                WHERE id = :id
                """)
                .param("name", name).param("type", type.name()).param("secret", secret).param("service", serviceId)
                .param("label", serviceLabel).param("mapping", Json.map(mapping)).param("level", defaultLevel)
                .param("mode", g.mode().name()).param("labels", String.join(",", g.groupLabels()))
                .param("window", g.window().toSeconds()).param("after", g.openAfterFirings())
                .param("flap", g.flapWindow().toSeconds()).param("reopens", g.maxReopensPerDay())
                .param("auto", g.autoResolve()).param("enabled", enabled).param("id", id).update();
        byHash.clear();
    }

    public void rotate(long id, String keyHash, String keyPrefix) {
        jdbc.sql("UPDATE alert_integration SET key_hash = :h, key_prefix = :p, revoked_at = NULL WHERE id = :id")
                .param("h", keyHash).param("p", keyPrefix).param("id", id).update();
        byHash.clear();
    }

    public void revoke(long id, Instant at) {
        jdbc.sql("UPDATE alert_integration SET revoked_at = :at, enabled = FALSE WHERE id = :id")
                .param("at", AlertStore.ts(at)).param("id", id).update();
        byHash.clear();
    }

    private static IntegrationRecord read(ResultSet rs) throws SQLException {
        long sid = rs.getLong("service_id");
        Long serviceId = rs.wasNull() ? null : sid;
        String labels = rs.getString("group_labels");
        var grouping = new GroupingPolicy(GroupingMode.valueOf(rs.getString("grouping_mode")),
                labels == null || labels.isBlank() ? List.of() : Arrays.asList(labels.split(",")),
                Duration.ofSeconds(rs.getLong("group_window_s")), rs.getInt("open_after_firings"),
                Duration.ofSeconds(rs.getLong("flap_window_s")), rs.getInt("max_reopens_per_day"),
                rs.getBoolean("auto_resolve"));
        String secret = rs.getString("signing_secret");
        var view = new IntegrationView(rs.getLong("id"), rs.getString("name"),
                AlertSource.valueOf(rs.getString("type")), serviceId, rs.getString("service_label"),
                Json.map(rs.getString("severity_mapping")), rs.getString("default_level"), grouping,
                rs.getBoolean("enabled"), rs.getString("key_prefix"), secret != null && !secret.isEmpty(),
                AlertRow.instant(rs, "created_at"), AlertRow.instant(rs, "revoked_at"));
        return new IntegrationRecord(view, secret);
    }

    private record Cached(Optional<IntegrationRecord> record, long loadedAt) {
    }
}
