package io.firebreak.identity.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.identity.TeamView;

/** Reads and writes {@code identity_team} and {@code identity_team_member}; the only code touching them. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamView> findAll() {
        return withMembers(jdbc.sql("SELECT id, name, description FROM identity_team ORDER BY LOWER(name), id"));
    }

    public Optional<TeamView> findById(long id) {
        return withMembers(jdbc.sql("SELECT id, name, description FROM identity_team WHERE id = :id").param("id", id))
                .stream().findFirst();
    }

    public Optional<TeamView> findByName(String name) {
        return withMembers(jdbc.sql("SELECT id, name, description FROM identity_team WHERE LOWER(name) = LOWER(:n)")
                .param("n", name)).stream().findFirst();
    }

    public List<TeamView> findByMember(long userId) {
        return withMembers(jdbc.sql("""
                SELECT t.id, t.name, t.description FROM identity_team t
                WHERE EXISTS (SELECT 1 FROM identity_team_member m WHERE m.team_id = t.id AND m.user_id = :u)
                ORDER BY LOWER(t.name), t.id
                """).param("u", userId));
    }

    public long insert(String name, String description, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO identity_team (name, description, created_at) VALUES (:name, :description, :now)")
                .param("name", name).param("description", description).param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String name, String description) {
        jdbc.sql("UPDATE identity_team SET name = :name, description = :description WHERE id = :id")
                .param("name", name).param("description", description).param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM identity_team_member WHERE team_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM identity_team WHERE id = :id").param("id", id).update();
    }

    /** Adds a member; returns false when they already were one. */
    public boolean addMember(long teamId, long userId) {
        boolean present = jdbc.sql("SELECT COUNT(*) FROM identity_team_member WHERE team_id = :t AND user_id = :u")
                .param("t", teamId).param("u", userId).query(Long.class).single() > 0;
        if (present) {
            return false;
        }
        jdbc.sql("INSERT INTO identity_team_member (team_id, user_id) VALUES (:t, :u)")
                .param("t", teamId).param("u", userId).update();
        return true;
    }

    /** Removes a member; returns false when they were not one. */
    public boolean removeMember(long teamId, long userId) {
        return jdbc.sql("DELETE FROM identity_team_member WHERE team_id = :t AND user_id = :u")
                .param("t", teamId).param("u", userId).update() > 0;
    }

    private List<TeamView> withMembers(JdbcClient.StatementSpec query) {
        record Row(long id, String name, String description) {
        }
        List<Row> rows = query.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
                rs.getString("description"))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        rows.forEach(r -> members.put(r.id(), new ArrayList<>()));
        jdbc.sql("SELECT team_id, user_id FROM identity_team_member WHERE team_id IN (:ids) ORDER BY user_id")
                .param("ids", members.keySet())
                .query((rs, n) -> members.get(rs.getLong("team_id")).add(rs.getLong("user_id"))).list();
        return rows.stream().map(r -> new TeamView(r.id(), r.name(), r.description(), members.get(r.id()))).toList();
    }
}
