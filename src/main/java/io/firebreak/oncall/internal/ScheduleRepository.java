package io.firebreak.oncall.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.oncall.LayerView;
import io.firebreak.oncall.OverrideKind;
import io.firebreak.oncall.ScheduleView;
import io.firebreak.oncall.ShiftKind;

/** Reads and writes schedules, layers, participants and overrides ({@code oncall_schedule} and friends). */
@Repository
public class ScheduleRepository {

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored override; {@code username} is filled in by the caller. */
    public record OverrideRow(long id, long scheduleId, long userId, Instant start, Instant end, OverrideKind kind,
            String swapId, String createdBy, Instant createdAt) {

        public OverrideSpan span() {
            return new OverrideSpan(id, userId, start, end);
        }
    }

    public List<ScheduleView> list() {
        return schedules("ORDER BY LOWER(name), id", Map.of());
    }

    public List<ScheduleView> ofTeam(long teamId) {
        return schedules("WHERE team_id = :team ORDER BY LOWER(name), id", Map.of("team", teamId));
    }

    public Optional<ScheduleView> find(long id) {
        return schedules("WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    public Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM oncall_schedule WHERE LOWER(name) = LOWER(:name)").param("name", name)
                .query(Long.class).optional();
    }

    public long insert(String name, String description, Long teamId, String zone, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO oncall_schedule (name, description, team_id, time_zone, created_at)
                VALUES (:name, :description, :team, :zone, :now)""")
                .param("name", name).param("description", description).param("team", teamId).param("zone", zone)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String name, String description, Long teamId, String zone) {
        jdbc.sql("""
                UPDATE oncall_schedule SET name = :name, description = :description, team_id = :team, time_zone = :zone
                WHERE id = :id""")
                .param("name", name).param("description", description).param("team", teamId).param("zone", zone)
                .param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM oncall_schedule WHERE id = :id").param("id", id).update();
    }

    /** Schedules owned by a deleted team lose their owner. */
    public List<Long> clearTeam(long teamId) {
        List<Long> ids = jdbc.sql("SELECT id FROM oncall_schedule WHERE team_id = :team").param("team", teamId)
                .query(Long.class).list();
        jdbc.sql("UPDATE oncall_schedule SET team_id = NULL WHERE team_id = :team").param("team", teamId).update();
        return ids;
    }

    /** Serialises changes to one schedule (layer positions, swaps). */
    public void lock(long scheduleId) {
        jdbc.sql("SELECT id FROM oncall_schedule WHERE id = :id FOR UPDATE").param("id", scheduleId).query(Long.class)
                .optional();
    }

    public long insertLayer(long scheduleId, LayerView l) {
        var keys = new GeneratedKeyHolder();
        bindLayer(jdbc.sql("""
                INSERT INTO oncall_layer (schedule_id, position, name, shift_kind, shift_length, handoff_time,
                       start_date, end_date)
                VALUES (:schedule, :position, :name, :kind, :length, :handoff, :start, :end)"""), l)
                .param("schedule", scheduleId).update(keys, "id");
        long id = keys.getKey().longValue();
        writeParticipants(id, l.participantIds());
        return id;
    }

    public void updateLayer(long layerId, LayerView l) {
        bindLayer(jdbc.sql("""
                UPDATE oncall_layer SET position = :position, name = :name, shift_kind = :kind, shift_length = :length,
                       handoff_time = :handoff, start_date = :start, end_date = :end
                WHERE id = :id"""), l).param("id", layerId).update();
        jdbc.sql("DELETE FROM oncall_layer_participant WHERE layer_id = :id").param("id", layerId).update();
        writeParticipants(layerId, l.participantIds());
    }

    public void deleteLayer(long layerId) {
        jdbc.sql("DELETE FROM oncall_layer WHERE id = :id").param("id", layerId).update();
    }

    public int topPosition(long scheduleId) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM oncall_layer WHERE schedule_id = :s")
                .param("s", scheduleId).query(Integer.class).single();
    }

    /** Removes a deleted user from every rotation. */
    public void removeParticipant(long userId) {
        jdbc.sql("DELETE FROM oncall_layer_participant WHERE user_id = :u").param("u", userId).update();
    }

    public long insertOverride(long scheduleId, long userId, Instant start, Instant end, OverrideKind kind,
            String swapId, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO oncall_override (schedule_id, user_id, starts_at, ends_at, kind, swap_id, created_by,
                       created_at)
                VALUES (:schedule, :user, :start, :end, :kind, :swap, :by, :now)""")
                .param("schedule", scheduleId).param("user", userId).param("start", utc(start))
                .param("end", utc(end)).param("kind", kind.name()).param("swap", swapId).param("by", createdBy)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<OverrideRow> findOverride(long id) {
        return jdbc.sql("SELECT * FROM oncall_override WHERE id = :id").param("id", id)
                .query((rs, n) -> override(rs)).optional();
    }

    public void deleteOverride(long id) {
        jdbc.sql("DELETE FROM oncall_override WHERE id = :id").param("id", id).update();
    }

    /** The overrides of a schedule that overlap [from, to), oldest first. */
    public List<OverrideRow> overrides(long scheduleId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM oncall_override
                WHERE schedule_id = :s AND ends_at > :from AND starts_at < :to ORDER BY starts_at, id""")
                .param("s", scheduleId).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> override(rs)).list();
    }

    private static OverrideRow override(ResultSet rs) throws SQLException {
        return new OverrideRow(rs.getLong("id"), rs.getLong("schedule_id"), rs.getLong("user_id"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), OverrideKind.valueOf(rs.getString("kind")),
                rs.getString("swap_id"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private JdbcClient.StatementSpec bindLayer(JdbcClient.StatementSpec spec, LayerView l) {
        return spec.param("position", l.position()).param("name", l.name()).param("kind", l.shiftKind().name())
                .param("length", l.shiftLength()).param("handoff", l.handoffTime()).param("start", l.startDate())
                .param("end", l.endDate());
    }

    private void writeParticipants(long layerId, List<Long> userIds) {
        for (int i = 0; i < userIds.size(); i++) {
            jdbc.sql("INSERT INTO oncall_layer_participant (layer_id, position, user_id) VALUES (:l, :p, :u)")
                    .param("l", layerId).param("p", i).param("u", userIds.get(i)).update();
        }
    }

    /** The schedules matching {@code clause}, with their layers and participants in two more queries. */
    private List<ScheduleView> schedules(String clause, Map<String, ?> params) {
        record Row(long id, String name, String description, Long teamId, String zone) {
        }
        List<Row> rows = jdbc.sql("SELECT * FROM oncall_schedule " + clause).params(params).query((rs, n) -> {
            long team = rs.getLong("team_id");
            Long teamId = rs.wasNull() ? null : team;
            return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"), teamId,
                    rs.getString("time_zone"));
        }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Long>> participants = new HashMap<>();
        jdbc.sql("""
                SELECT p.layer_id, p.user_id FROM oncall_layer_participant p JOIN oncall_layer l ON l.id = p.layer_id
                WHERE l.schedule_id IN (:ids) ORDER BY p.layer_id, p.position""").param("ids", ids)
                .query((RowCallbackHandler) rs -> participants
                        .computeIfAbsent(rs.getLong("layer_id"), k -> new ArrayList<>()).add(rs.getLong("user_id")));
        Map<Long, List<LayerView>> layers = new HashMap<>();
        jdbc.sql("SELECT * FROM oncall_layer WHERE schedule_id IN (:ids) ORDER BY position DESC, id DESC")
                .param("ids", ids).query((RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    layers.computeIfAbsent(rs.getLong("schedule_id"), k -> new ArrayList<>()).add(new LayerView(id,
                            rs.getInt("position"), rs.getString("name"), ShiftKind.valueOf(rs.getString("shift_kind")),
                            rs.getInt("shift_length"), rs.getString("handoff_time"),
                            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                            participants.getOrDefault(id, List.of())));
                });
        return rows.stream().map(r -> new ScheduleView(r.id(), r.name(), r.description(), r.teamId(), r.zone(),
                layers.getOrDefault(r.id(), List.of()))).toList();
    }

    /** The calculator's form of a layer. */
    public static RotationLayer rotation(LayerView l) {
        return new RotationLayer(l.id(), l.position(), l.shiftKind(), l.shiftLength(), LocalTime.parse(l.handoffTime()),
                l.startDate(), l.endDate(), l.participantIds());
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
