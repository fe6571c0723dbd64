package io.firebreak.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageStatus;

/**
 * The outbox and ledger tables (notification_message, notification_attempt). Claims are
 * conditional UPDATEs (only the caller whose UPDATE changed the row owns the message until
 * {@code claimed_until}), so any number of workers on one database send each message once.
 */
@Repository
public class MessageRepository {

    private final JdbcClient jdbc;
    private final DeliverySignal signal;

    MessageRepository(JdbcClient jdbc, DeliverySignal signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    public long insert(NewMessage m, Instant now) {
        return insert(m, now, now);
    }

    /** Inserts a message first due at {@code due} (a later page of a personal rule waits in the outbox). */
    public long insert(NewMessage m, Instant now, Instant due) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_message (incident_id, incident_number, event, template, locale, channel_id,
                    channel_kind, destination, subject, body, link_url, ack_url, status, reason, attempts,
                    idempotency_key, next_attempt_at, created_by, created_at, payload_json, body_html)
                VALUES (:incidentId, :number, :event, :template, :locale, :channelId, :kind, :destination, :subject,
                    :body, :link, :ack, :status, :reason, 0, :key, :due, :by, :now, :payload, :html)""")
                .param("incidentId", m.incidentId()).param("number", m.incidentNumber()).param("event", m.event())
                .param("template", m.template()).param("locale", m.locale()).param("channelId", m.channelId())
                .param("kind", m.channelKind().name()).param("destination", cut(m.destination(), 2000))
                .param("subject", cut(m.subject(), 500)).param("body", cut(m.body(), 16000))
                .param("link", m.linkUrl()).param("ack", m.ackUrl()).param("status", m.status().name())
                .param("reason", m.reason()).param("key", UUID.randomUUID().toString()).param("by", m.createdBy()).param("payload", cut(m.payloadJson(), 8000))
                .param("now", utc(now)).param("due", utc(due)).param("html", cut(m.bodyHtml(), 32000))
                .update(keys, "id");
        signal.queued(due);
        return keys.getKey().longValue();
    }

    public Optional<StoredMessage> find(long id) {
        return jdbc.sql("SELECT * FROM notification_message WHERE id = :id").param("id", id).query(this::map)
                .optional();
    }

    /** Ids of PENDING messages due now and of SENDING messages whose claim expired (a crashed worker). */
    public List<StoredMessage> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification_message
                WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now)
                ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("now", utc(now)).param("limit", limit).query(this::map).list();
    }

    /** Sets the people a message reaches beyond its channel's own settings (email recipients, IM mentions). */
    public void route(long id, String recipients, String mentions) {
        jdbc.sql("UPDATE notification_message SET recipients = :r, extra_mentions = :m WHERE id = :id")
                .param("r", cut(recipients, 4000)).param("m", cut(mentions, 2000)).param("id", id).update();
    }

    /** The routing of a message: {recipients, extra mentions}, each null when the channel's own apply. */
    public MessageRoute routeOf(long id) {
        return jdbc.sql("SELECT recipients, extra_mentions FROM notification_message WHERE id = :id").param("id", id)
                .query((rs, n) -> new MessageRoute(rs.getString(1), rs.getString(2))).optional()
                .orElse(new MessageRoute(null, null));
    }

    /** Claims one due message for {@code worker} until {@code until}; true only for the one caller that won. */
    public boolean claim(long id, String worker, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE notification_message SET status = 'SENDING', claimed_by = :worker, claimed_until = :until
                WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now)
                    OR (status = 'SENDING' AND claimed_until < :now))""")
                .param("worker", worker).param("until", utc(until)).param("id", id).param("now", utc(now))
                .update() == 1;
    }

    /** Records the end of an attempt, only if {@code worker} still holds the claim. */
    public boolean finish(long id, String worker, MessageStatus status, Instant nextAttempt, Instant sentAt,
            DeliveryResult result, String reason) {
        return jdbc.sql("""
                UPDATE notification_message SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                    sent_at = :sent, last_status = :code, last_response = :response, last_error = :error,
                    reason = :reason, claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND status = 'SENDING' AND claimed_by = :worker""")
                .param("status", status.name()).param("next", utc(nextAttempt))
                .param("sent", sentAt == null ? null : utc(sentAt)).param("code", result.statusCode())
                .param("response", cut(result.response(), 1000)).param("error", cut(result.error(), 1000))
                .param("reason", reason).param("id", id).param("worker", worker).update() == 1;
    }

    /** Puts a claimed message back to PENDING without an attempt (throttled), with the reason shown. */
    public void defer(long id, String worker, Instant until, String reason) {
        jdbc.sql("""
                UPDATE notification_message SET status = 'PENDING', next_attempt_at = :until, reason = :reason,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND status = 'SENDING' AND claimed_by = :worker""")
                .param("until", utc(until)).param("reason", reason).param("id", id).param("worker", worker).update();
    }

    /** Marks a claimed message as folded into the summary {@code bundleId}. */
    public void bundle(long id, String worker, long bundleId) {
        jdbc.sql("""
                UPDATE notification_message SET status = 'BUNDLED', bundle_id = :bundle, claimed_by = NULL,
                    claimed_until = NULL, reason = NULL
                WHERE id = :id AND status = 'SENDING' AND claimed_by = :worker""")
                .param("bundle", bundleId).param("id", id).param("worker", worker).update();
    }

    public void recordAttempt(long messageId, Instant at, DeliveryResult result, long durationMs) {
        jdbc.sql("""
                INSERT INTO notification_attempt (message_id, at, status_code, response, error, duration_ms)
                VALUES (:m, :at, :code, :response, :error, :ms)""")
                .param("m", messageId).param("at", utc(at)).param("code", result.statusCode())
                .param("response", cut(result.response(), 1000)).param("error", cut(result.error(), 1000))
                .param("ms", durationMs).update();
    }

    public List<AttemptView> attempts(long messageId) {
        return jdbc.sql("SELECT * FROM notification_attempt WHERE message_id = :m ORDER BY id").param("m", messageId)
                .query((rs, i) -> new AttemptView(rs.getLong("id"), rs.getLong("message_id"), instant(rs, "at"),
                        (Integer) rs.getObject("status_code", Integer.class), rs.getString("response"),
                        rs.getString("error"), rs.getLong("duration_ms")))
                .list();
    }

    /**
     * How many messages went to one destination since {@code since} (the throttle window): a channel
     * with its own settings ({@code recipients} null), or the people an email channel's server
     * emailed directly (their addresses).
     */
    public int sentSince(long channelId, String recipients, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_message
                WHERE channel_id = :c AND COALESCE(recipients, '') = :r AND status = 'SENT' AND sent_at >= :since""")
                .param("c", channelId).param("r", recipients == null ? "" : recipients).param("since", utc(since))
                .query(Integer.class).single();
    }

    /** The earliest send time to the destination in the window, to know when the next slot opens. */
    public Optional<Instant> oldestSentSince(long channelId, String recipients, Instant since) {
        return jdbc.sql("""
                SELECT MIN(sent_at) FROM notification_message
                WHERE channel_id = :c AND COALESCE(recipients, '') = :r AND status = 'SENT' AND sent_at >= :since""")
                .param("c", channelId).param("r", recipients == null ? "" : recipients).param("since", utc(since))
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    public List<StoredMessage> forIncident(long incidentId) {
        return jdbc.sql("SELECT * FROM notification_message WHERE incident_id = :i ORDER BY id DESC")
                .param("i", incidentId).query(this::map).list();
    }

    /** The ledger search: by incident number, status and free text in destination, subject or body. */
    public List<StoredMessage> search(String incidentNumber, MessageStatus status, String text, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM notification_message WHERE 1 = 1");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (incidentNumber != null && !incidentNumber.isBlank()) {
            sql.append(" AND incident_number = :number");
            params.put("number", incidentNumber.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (LOWER(destination) LIKE :q OR LOWER(subject) LIKE :q OR LOWER(body) LIKE :q)");
            params.put("q", "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /**
     * Cancels the pages of an incident that are still waiting (PENDING, not claimed by a worker);
     * returns how many. A page being sent right now (SENDING) goes out.
     */
    public int cancelPendingPages(long incidentId, String reason) {
        return jdbc.sql("""
                UPDATE notification_message SET status = 'CANCELLED', reason = :reason
                WHERE incident_id = :i AND template = 'PAGE' AND status = 'PENDING'""")
                .param("reason", reason).param("i", incidentId).update();
    }

    public boolean approve(long id, Instant now) {
        return jdbc.sql("""
                UPDATE notification_message SET status = 'PENDING', reason = NULL, next_attempt_at = :now
                WHERE id = :id AND status = 'AWAITING_APPROVAL'""")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    private StoredMessage map(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(rs.getLong("id"), (Long) rs.getObject("incident_id", Long.class),
                rs.getString("incident_number"), rs.getString("event"), rs.getString("template"),
                rs.getString("locale"), rs.getLong("channel_id"), ChannelKind.valueOf(rs.getString("channel_kind")),
                rs.getString("destination"), rs.getString("subject"), rs.getString("body"), rs.getString("link_url"),
                rs.getString("ack_url"), MessageStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getInt("attempts"), rs.getString("idempotency_key"), instant(rs, "next_attempt_at"),
                (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_response"),
                rs.getString("last_error"), (Long) rs.getObject("bundle_id", Long.class), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("payload_json"),
                rs.getString("body_html"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
