package io.firebreak.identity;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: every module records each change it makes here, inside the transaction of the
 * change, so a change and its audit entry commit or roll back together.
 */
@Service
public class AuditManagement {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditManagement(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records one change. {@code before} and {@code after} are serialised to JSON and may be null
     * (nothing before a creation, nothing after a deletion); they must not hold secrets.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String entityType, String entityId, String action, Object before, Object after) {
        jdbc.sql("""
                INSERT INTO identity_audit (at, actor, entity_type, entity_id, action, before_json, after_json)
                VALUES (:at, :actor, :type, :entityId, :action, :before, :after)
                """)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("actor", actor == null ? "system" : actor)
                .param("type", entityType)
                .param("entityId", entityId)
                .param("action", action)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** The entity types that have at least one entry, alphabetically, for filters. */
    @Transactional(readOnly = true)
    public java.util.List<String> entityTypes() {
        return jdbc.sql("SELECT DISTINCT entity_type FROM identity_audit ORDER BY entity_type")
                .query(String.class).list();
    }

    /** Newest first, optionally only for one entity type. */
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> list(String entityType, PageRequest page) {
        String where = entityType == null || entityType.isBlank() ? "" : " WHERE entity_type = :type";
        var count = jdbc.sql("SELECT COUNT(*) FROM identity_audit" + where);
        var select = jdbc.sql("SELECT * FROM identity_audit" + where
                + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        if (!where.isEmpty()) {
            count = count.param("type", entityType);
            select = select.param("type", entityType);
        }
        long total = count.query(Long.class).single();
        var items = select.param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("action"), rs.getString("before_json"), rs.getString("after_json")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }
}
