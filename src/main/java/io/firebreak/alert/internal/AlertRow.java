package io.firebreak.alert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One row of table {@code alert} as the writer changes it in memory before writing it back. */
final class AlertRow {

    long id;
    long integrationId;
    String fingerprint;
    String groupKey;
    String title;
    String description;
    String status;
    String severity;
    String levelCode;
    Long serviceId;
    String labels = "{}";
    String annotations = "{}";
    String links = "[]";
    Instant startsAt;
    Instant endsAt;
    Instant expiresAt;
    Instant firstSeenAt;
    Instant lastSeenAt;
    Instant resolvedAt;
    long fireCount;
    String suppression;
    boolean acknowledged;
    String payload;
    boolean isNew;
    boolean dirty;

    static AlertRow read(ResultSet rs) throws SQLException {
        AlertRow r = new AlertRow();
        r.id = rs.getLong("id");
        r.integrationId = rs.getLong("integration_id");
        r.fingerprint = rs.getString("fingerprint");
        r.groupKey = rs.getString("group_key");
        r.title = rs.getString("title");
        r.description = rs.getString("description");
        r.status = rs.getString("status");
        r.severity = rs.getString("severity");
        r.levelCode = rs.getString("level_code");
        long sid = rs.getLong("service_id");
        r.serviceId = rs.wasNull() ? null : sid;
        r.labels = rs.getString("labels");
        r.annotations = rs.getString("annotations");
        r.links = rs.getString("links");
        r.startsAt = instant(rs, "starts_at");
        r.endsAt = instant(rs, "ends_at");
        r.expiresAt = instant(rs, "expires_at");
        r.firstSeenAt = instant(rs, "first_seen_at");
        r.lastSeenAt = instant(rs, "last_seen_at");
        r.resolvedAt = instant(rs, "resolved_at");
        r.fireCount = rs.getLong("fire_count");
        r.suppression = rs.getString("suppression");
        r.acknowledged = rs.getBoolean("acknowledged");
        r.payload = rs.getString("payload");
        return r;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
