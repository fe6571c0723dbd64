package io.firebreak.escalation.internal;

import static io.firebreak.escalation.internal.PolicyRepository.instant;
import static io.firebreak.escalation.internal.PolicyRepository.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.escalation.EscalationState;
import io.firebreak.escalation.TargetKind;
import io.firebreak.escalation.internal.EscalationRow.State;

/** The escalation_incident rows (one per incident) and the escalation_page log. */
@Repository
public class EscalationRepository {

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EscalationRow> find(long incidentId) {
        return jdbc.sql("SELECT * FROM escalation_incident WHERE incident_id = :id").param("id", incidentId)
                .query((rs, i) -> new EscalationRow(rs.getLong("incident_id"), rs.getString("incident_number"),
                        (Long) rs.getObject("policy_id", Long.class), rs.getString("policy_name"),
                        State.valueOf(rs.getString("state")), rs.getInt("next_step"), rs.getInt("round"),
                        instant(rs, "due_at"), (Integer) rs.getObject("last_step", Integer.class),
                        (Integer) rs.getObject("last_round", Integer.class), instant(rs, "last_paged_at"),
                        rs.getString("stop_reason"), rs.getString("stopped_by"), instant(rs, "stopped_at"),
                        rs.getLong("version"), rs.getInt("run_no")))
                .optional();
    }

    /** Of these incidents, those that already have a row. */
    public Set<Long> existing(Collection<Long> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT incident_id FROM escalation_incident WHERE incident_id IN (:ids)")
                .param("ids", incidentIds).query(Long.class).list());
    }

    /** Ids of ACTIVE escalations due at {@code now}, most overdue first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT incident_id FROM escalation_incident WHERE state = 'ACTIVE' AND due_at <= :now
                ORDER BY due_at LIMIT :limit""")
                .param("now", utc(now)).param("limit", limit).query(Long.class).list();
    }

    /**
     * The earliest {@code due_at} of an ACTIVE escalation later than {@code after} (one probe of
     * the (state, due_at) index).
     */
    public Optional<Instant> nextDueAfter(Instant after) {
        return jdbc.sql("""
                SELECT MIN(due_at) AS next_due FROM escalation_incident WHERE state = 'ACTIVE' AND due_at > :after""")
                .param("after", utc(after)).query((rs, i) -> Optional.ofNullable(instant(rs, "next_due"))).single();
    }

    /**
     * Writes the first row of an incident's escalation. Fails with a duplicate key when another
     * transaction (instance) wrote it first.
     */
    public void insert(long incidentId, String number, StoredPolicy policy, State state, Instant dueAt, Instant now) {
        jdbc.sql("""
                INSERT INTO escalation_incident (incident_id, incident_number, policy_id, policy_name, state,
                    next_step, round, due_at, version, started_at, updated_at)
                VALUES (:id, :number, :policy, :name, :state, 1, 0, :due, 0, :now, :now)""")
                .param("id", incidentId).param("number", number)
                .param("policy", policy == null ? null : policy.id())
                .param("name", policy == null ? null : policy.name()).param("state", state.name())
                .param("due", utc(dueAt)).param("now", utc(now)).update();
    }

    /**
     * Starts an incident's escalation again from step 1 of {@code policy}, due at {@code dueAt}, as
     * its next run (a reopened incident): whatever state the row was in, the new run is ACTIVE.
     * Returns false when the incident has no row yet (the caller inserts one).
     */
    public boolean restart(long incidentId, StoredPolicy policy, Instant dueAt, Instant now) {
        return jdbc.sql("""
                UPDATE escalation_incident SET policy_id = :policy, policy_name = :name, state = 'ACTIVE',
                    next_step = 1, round = 0, due_at = :due, last_step = NULL, last_round = NULL,
                    last_paged_at = NULL, stop_reason = NULL, stopped_by = NULL, stopped_at = NULL,
                    run_no = run_no + 1, version = version + 1, started_at = :now, updated_at = :now
                WHERE incident_id = :id""")
                .param("policy", policy.id()).param("name", policy.name()).param("due", utc(dueAt))
                .param("now", utc(now)).param("id", incidentId).update() == 1;
    }

    /** Gives a row without a policy its policy (escalate now found one); only if unchanged since read. */
    public boolean adopt(EscalationRow row, StoredPolicy policy, Instant dueAt, Instant now) {
        return jdbc.sql("""
                UPDATE escalation_incident SET policy_id = :policy, policy_name = :name, state = 'ACTIVE',
                    next_step = 1, round = 0, due_at = :due, version = version + 1, updated_at = :now
                WHERE incident_id = :id AND version = :version""")
                .param("policy", policy.id()).param("name", policy.name()).param("due", utc(dueAt))
                .param("now", utc(now)).param("id", row.incidentId()).param("version", row.version()).update() == 1;
    }

    /**
     * Claims the step {@code row} says is next: moves the row to {@code next} only if nobody changed
     * it since it was read (and, for a due step, only if it is still ACTIVE and due). Exactly one
     * transaction can win this for a given version, so a step is paged once.
     */
    public boolean claim(EscalationRow row, Advance next, boolean dueOnly, Instant now) {
        return jdbc.sql("""
                UPDATE escalation_incident SET next_step = :nextStep, round = :nextRound, due_at = :due,
                    state = :state, stop_reason = COALESCE(:reason, stop_reason),
                    stopped_by = COALESCE(:stoppedBy, stopped_by), stopped_at = COALESCE(:stoppedAt, stopped_at),
                    last_step = :step, last_round = :round, last_paged_at = :now, version = version + 1,
                    updated_at = :now
                WHERE incident_id = :id AND version = :version""" + (dueOnly
                ? " AND state = 'ACTIVE' AND due_at <= :now" : ""))
                .param("nextStep", next.nextStep()).param("nextRound", next.nextRound()).param("due", utc(next.dueAt()))
                .param("state", next.state().name()).param("reason", next.exhausted() ? "EXHAUSTED" : null)
                .param("stoppedBy", next.exhausted() ? "system" : null)
                .param("stoppedAt", next.exhausted() ? utc(now) : null)
                .param("step", next.step()).param("round", next.round()).param("now", utc(now))
                .param("id", row.incidentId()).param("version", row.version()).update() == 1;
    }

    /** Stops an ACTIVE escalation; false if it was not active. */
    public boolean stop(long incidentId, String reason, String actor, Instant now) {
        return jdbc.sql("""
                UPDATE escalation_incident SET state = 'STOPPED', stop_reason = :reason, stopped_by = :actor,
                    stopped_at = :now, due_at = NULL, version = version + 1, updated_at = :now
                WHERE incident_id = :id AND state = 'ACTIVE'""")
                .param("reason", reason).param("actor", actor).param("now", utc(now)).param("id", incidentId)
                .update() == 1;
    }

    /** Whether any escalation of the policy is still ACTIVE. */
    public boolean activeFor(long policyId) {
        return jdbc.sql("SELECT COUNT(*) FROM escalation_incident WHERE policy_id = :p AND state = 'ACTIVE'")
                .param("p", policyId).query(Long.class).single() > 0;
    }

    public void logPage(long incidentId, int round, int step, long userId, String username, TargetKind kind,
            String targetName, String dedupKey, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO escalation_page (incident_id, round, step, user_id, username, target, dedup_key, actor,
                    paged_at)
                VALUES (:incident, :round, :step, :user, :username, :target, :key, :actor, :at)""")
                .param("incident", incidentId).param("round", round).param("step", step).param("user", userId)
                .param("username", username).param("target", kind.name() + ":" + targetName).param("key", dedupKey)
                .param("actor", actor).param("at", utc(at)).update();
    }

    /** How many reassignment pages the incident had (they are numbered for their dedup keys). */
    public int reassignments(long incidentId) {
        return jdbc.sql("SELECT COUNT(DISTINCT round) FROM escalation_page WHERE incident_id = :id AND step = 0")
                .param("id", incidentId).query(Integer.class).single();
    }

    public List<EscalationState.Page> pages(long incidentId) {
        return jdbc.sql("""
                SELECT paged_at, round, step, user_id, username, target, actor FROM escalation_page
                WHERE incident_id = :id ORDER BY paged_at, id""")
                .param("id", incidentId)
                .query((rs, i) -> {
                    String[] target = rs.getString("target").split(":", 2);
                    return new EscalationState.Page(instant(rs, "paged_at"), rs.getInt("round"), rs.getInt("step"),
                            rs.getLong("user_id"), rs.getString("username"), TargetKind.valueOf(target[0]),
                            target.length > 1 ? target[1] : "", rs.getString("actor"));
                })
                .list();
    }
}
