package io.firebreak.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.escalation.TargetKind;

/** The escalation_policy, _step, _target and _policy_service tables. */
@Repository
public class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every policy, by name (case-insensitive). */
    public List<StoredPolicy> all() {
        return load("ORDER BY LOWER(name)", Map.of());
    }

    public Optional<StoredPolicy> find(long id) {
        return load("WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    public Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM escalation_policy WHERE LOWER(name) = LOWER(:name)").param("name", name)
                .query(Long.class).optional();
    }

    /**
     * The policy of the first of these services that has one, else the default policy, else empty.
     */
    public Optional<StoredPolicy> forServices(List<Long> serviceIds) {
        if (!serviceIds.isEmpty()) {
            Map<Long, Long> byService = new LinkedHashMap<>();
            jdbc.sql("SELECT service_id, policy_id FROM escalation_policy_service WHERE service_id IN (:ids)")
                    .param("ids", serviceIds)
                    .query((rs, i) -> byService.put(rs.getLong(1), rs.getLong(2))).list();
            for (Long service : serviceIds) {
                if (byService.containsKey(service)) {
                    return find(byService.get(service));
                }
            }
        }
        return load("WHERE is_default", Map.of()).stream().findFirst();
    }

    /** Inserts the policy's row (steps and services are written separately) and returns its id. */
    public long insert(String name, String description, int repeatCount, int repeatDelay, boolean isDefault,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO escalation_policy (name, description, repeat_count, repeat_delay_minutes, is_default,
                    created_at, updated_at)
                VALUES (:name, :description, :repeat, :delay, :isDefault, :now, :now)""")
                .param("name", name).param("description", description).param("repeat", repeatCount)
                .param("delay", repeatDelay).param("isDefault", isDefault).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String name, String description, int repeatCount, int repeatDelay, boolean isDefault,
            Instant now) {
        jdbc.sql("""
                UPDATE escalation_policy SET name = :name, description = :description, repeat_count = :repeat,
                    repeat_delay_minutes = :delay, is_default = :isDefault, updated_at = :now
                WHERE id = :id""")
                .param("name", name).param("description", description).param("repeat", repeatCount)
                .param("delay", repeatDelay).param("isDefault", isDefault).param("now", utc(now)).param("id", id)
                .update();
    }

    /** Takes the default mark from every policy but {@code keep}. */
    public void clearDefaultExcept(long keep) {
        jdbc.sql("UPDATE escalation_policy SET is_default = FALSE WHERE is_default AND id <> :id").param("id", keep)
                .update();
    }

    /** Replaces the steps and targets of a policy. */
    public void writeSteps(long policyId, List<StoredPolicy.Step> steps) {
        jdbc.sql("DELETE FROM escalation_target WHERE policy_id = :id").param("id", policyId).update();
        jdbc.sql("DELETE FROM escalation_step WHERE policy_id = :id").param("id", policyId).update();
        for (StoredPolicy.Step s : steps) {
            jdbc.sql("INSERT INTO escalation_step (policy_id, step_no, delay_minutes) VALUES (:p, :s, :d)")
                    .param("p", policyId).param("s", s.step()).param("d", s.delayMinutes()).update();
            int position = 0;
            for (StoredPolicy.Target t : s.targets()) {
                jdbc.sql("""
                        INSERT INTO escalation_target (policy_id, step_no, position, kind, ref_id)
                        VALUES (:p, :s, :pos, :kind, :ref)""")
                        .param("p", policyId).param("s", s.step()).param("pos", position++)
                        .param("kind", t.kind().name()).param("ref", t.refId()).update();
            }
        }
    }

    /** Makes these services (and only these) escalate with the policy, taking them from any other policy. */
    public void writeServices(long policyId, Collection<Long> serviceIds) {
        jdbc.sql("DELETE FROM escalation_policy_service WHERE policy_id = :id").param("id", policyId).update();
        for (Long service : serviceIds) {
            jdbc.sql("DELETE FROM escalation_policy_service WHERE service_id = :s").param("s", service).update();
            jdbc.sql("INSERT INTO escalation_policy_service (service_id, policy_id) VALUES (:s, :p)")
                    .param("s", service).param("p", policyId).update();
        }
    }

    public void unassignService(long serviceId) {
        jdbc.sql("DELETE FROM escalation_policy_service WHERE service_id = :s").param("s", serviceId).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM escalation_policy WHERE id = :id").param("id", id).update();
    }

    /** Serialises policy upkeep, so two admins cannot both make a policy the default. */
    public void lock() {
        jdbc.sql("SELECT id FROM escalation_policy ORDER BY id FOR UPDATE").query(Long.class).list();
    }

    private List<StoredPolicy> load(String where, Map<String, Object> params) {
        record Head(long id, String name, String description, int repeat, int delay, boolean isDefault,
                Instant updatedAt) {
        }
        List<Head> heads = jdbc.sql("""
                SELECT id, name, description, repeat_count, repeat_delay_minutes, is_default, updated_at
                FROM escalation_policy
                """ + where).params(params)
                .query((rs, i) -> new Head(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        rs.getInt("repeat_count"), rs.getInt("repeat_delay_minutes"), rs.getBoolean("is_default"),
                        instant(rs, "updated_at")))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(Head::id).toList();
        Map<Long, Map<Integer, Integer>> delays = new LinkedHashMap<>();
        jdbc.sql("SELECT policy_id, step_no, delay_minutes FROM escalation_step WHERE policy_id IN (:ids) "
                + "ORDER BY policy_id, step_no").param("ids", ids)
                .query((rs, i) -> delays.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getInt(2), rs.getInt(3)))
                .list();
        Map<List<Long>, List<StoredPolicy.Target>> targets = new LinkedHashMap<>();
        jdbc.sql("SELECT policy_id, step_no, kind, ref_id FROM escalation_target WHERE policy_id IN (:ids) "
                + "ORDER BY policy_id, step_no, position").param("ids", ids)
                .query((rs, i) -> targets.computeIfAbsent(List.of(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                        .add(new StoredPolicy.Target(TargetKind.valueOf(rs.getString(3)), rs.getLong(4))))
                .list();
        Map<Long, List<Long>> services = new LinkedHashMap<>();
        jdbc.sql("SELECT policy_id, service_id FROM escalation_policy_service WHERE policy_id IN (:ids) "
                + "ORDER BY service_id").param("ids", ids)
                .query((rs, i) -> services.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return heads.stream().map(h -> {
            List<StoredPolicy.Step> steps = delays.getOrDefault(h.id(), Map.of()).entrySet().stream()
                    .map(e -> new StoredPolicy.Step(e.getKey(), e.getValue(),
                            targets.getOrDefault(List.of(h.id(), (long) e.getKey()), List.of())))
                    .toList();
            return new StoredPolicy(h.id(), h.name(), h.description(), h.repeat(), h.delay(), h.isDefault(),
                    services.getOrDefault(h.id(), List.of()), steps, h.updatedAt());
        }).toList();
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
