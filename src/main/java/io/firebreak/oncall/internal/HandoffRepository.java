package io.firebreak.oncall.internal;

import static io.firebreak.oncall.internal.ScheduleRepository.instant;
import static io.firebreak.oncall.internal.ScheduleRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Planned hand-offs ({@code oncall_handoff}): PENDING until the worker that wins the conditional
 * update marks them SENT, or MISSED when no worker ran until long after they were due.
 */
@Repository
public class HandoffRepository {

    private final JdbcClient jdbc;

    HandoffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One hand-off: who hands to whom at {@code at}, and until when the incoming person stays on. */
    public record Handoff(long id, long scheduleId, Instant at, Long fromUserId, long toUserId, Instant until) {

        boolean samePlan(Handoff other) {
            return at.equals(other.at) && toUserId == other.toUserId;
        }
    }

    public List<Handoff> pending(long scheduleId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM oncall_handoff
                WHERE schedule_id = :s AND status = 'PENDING' AND due_at >= :from AND due_at <= :to""")
                .param("s", scheduleId).param("from", utc(from)).param("to", utc(to)).query((rs, n) -> map(rs)).list();
    }

    /** Whether a hand-off with this time and incoming person was ever planned (in any status). */
    public boolean exists(long scheduleId, Instant at, long toUserId) {
        return jdbc.sql("SELECT COUNT(*) FROM oncall_handoff WHERE schedule_id = :s AND due_at = :at AND to_user_id = :to")
                .param("s", scheduleId).param("at", utc(at)).param("to", toUserId).query(Integer.class).single() > 0;
    }

    public void insert(long scheduleId, Handoff h) {
        jdbc.sql("""
                INSERT INTO oncall_handoff (schedule_id, due_at, from_user_id, to_user_id, until_at, status)
                VALUES (:s, :at, :from, :to, :until, 'PENDING')""")
                .param("s", scheduleId).param("at", utc(h.at())).param("from", h.fromUserId())
                .param("to", h.toUserId()).param("until", utc(h.until())).update();
    }

    public void replan(long id, Long fromUserId, Instant until) {
        jdbc.sql("UPDATE oncall_handoff SET from_user_id = :from, until_at = :until WHERE id = :id AND status = 'PENDING'")
                .param("from", fromUserId).param("until", utc(until)).param("id", id).update();
    }

    public void deletePending(long id) {
        jdbc.sql("DELETE FROM oncall_handoff WHERE id = :id AND status = 'PENDING'").param("id", id).update();
    }

    /** Hand-offs nobody announced while they were still timely are given up, not announced late. */
    public int markMissed(Instant before) {
        return jdbc.sql("UPDATE oncall_handoff SET status = 'MISSED' WHERE status = 'PENDING' AND due_at < :before")
                .param("before", utc(before)).update();
    }

    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM oncall_handoff WHERE status = 'PENDING' AND due_at <= :now ORDER BY due_at, id LIMIT :n")
                .param("now", utc(now)).param("n", limit).query(Long.class).list();
    }

    /** Marks a due hand-off SENT; true only for the one caller whose update changed the row. */
    public boolean claim(long id, Instant now) {
        return jdbc.sql("UPDATE oncall_handoff SET status = 'SENT', claimed_at = :now WHERE id = :id AND status = 'PENDING'")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    public Optional<Handoff> find(long id) {
        return jdbc.sql("SELECT * FROM oncall_handoff WHERE id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    private static Handoff map(ResultSet rs) throws SQLException {
        long fromUser = rs.getLong("from_user_id");
        Long fromUserId = rs.wasNull() ? null : fromUser;
        return new Handoff(rs.getLong("id"), rs.getLong("schedule_id"), instant(rs, "due_at"), fromUserId,
                rs.getLong("to_user_id"), instant(rs, "until_at"));
    }
}
