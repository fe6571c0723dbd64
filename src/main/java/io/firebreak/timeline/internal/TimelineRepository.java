package io.firebreak.timeline.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Appends to and reads the {@code timeline_entry} table; entries are never changed or deleted. */
@Repository
public class TimelineRepository {

    private static final TypeReference<List<StoredEntry.Arg>> ARGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    TimelineRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** An entry to append; a null {@code actor} is recorded as "system". */
    public record NewEntry(long incidentId, Instant at, String actor, String kind, String messageKey,
            List<StoredEntry.Arg> args, String detail) {
    }

    /** Must join the transaction of the change it records, so both commit or neither does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long incidentId, Instant at, String actor, String kind, String messageKey,
            List<StoredEntry.Arg> args, String detail) {
        appendAll(List.of(new NewEntry(incidentId, at, actor, kind, messageKey, args, detail)));
    }

    /** {@link #append} for several entries, as one JDBC batch (one multi-row INSERT on PostgreSQL). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<NewEntry> entries) {
        template.batchUpdate("""
                INSERT INTO timeline_entry (incident_id, at, actor, kind, message_key, args_json, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, entries.stream().map(e -> new Object[] { e.incidentId(), e.at().atOffset(ZoneOffset.UTC),
                        e.actor() == null ? "system" : e.actor(), e.kind(), e.messageKey(),
                        json.writeValueAsString(e.args()), e.detail() }).toList());
    }

    /** Oldest first. */
    public List<StoredEntry> entries(long incidentId) {
        return jdbc.sql("SELECT * FROM timeline_entry WHERE incident_id = :id ORDER BY at, id")
                .param("id", incidentId)
                .query((rs, n) -> new StoredEntry(rs.getLong("id"), rs.getLong("incident_id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("kind"), rs.getString("message_key"),
                        json.readValue(rs.getString("args_json"), ARGS), rs.getString("detail")))
                .list();
    }
}
