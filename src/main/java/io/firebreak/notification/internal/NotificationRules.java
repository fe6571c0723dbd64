package io.firebreak.notification.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.UserView;
import io.firebreak.notification.ChannelKind;
import io.firebreak.shared.InvalidInputException;

/**
 * The personal notification rules of people: an ordered list of (method, delay) per person. A
 * person with none is emailed at once. Anyone reads and edits their own, an ADMIN anyone's
 * ({@link ContactBook#editable}); every change is validated (400 naming the field) and audited.
 */
@Component
public class NotificationRules {

    static final int MAX_RULES = 10;
    static final int MAX_DELAY_MINUTES = 24 * 60;

    private final JdbcClient jdbc;
    private final ContactBook contacts;
    private final ChannelRepository channels;
    private final AuditManagement audit;

    NotificationRules(JdbcClient jdbc, ContactBook contacts, ChannelRepository channels, AuditManagement audit) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.channels = channels;
        this.audit = audit;
    }

    /** The rules a person stored, in order (empty if none). */
    public List<NotificationRule> stored(long userId) {
        return jdbc.sql("SELECT channel_id, delay_minutes FROM notification_rule WHERE user_id = ? ORDER BY position")
                .param(userId)
                .query((rs, n) -> {
                    Long channel = rs.getObject(1, Long.class);
                    return new NotificationRule(channel == null ? NotificationRule.Method.EMAIL
                            : NotificationRule.Method.CHANNEL, channel, rs.getInt(2));
                })
                .list();
    }

    /** The rules that apply to a person: theirs, or email at once when they set none. */
    public List<NotificationRule> effective(long userId) {
        List<NotificationRule> mine = stored(userId);
        return mine.isEmpty() ? List.of(NotificationRule.EMAIL_AT_ONCE) : mine;
    }

    /** Replaces a person's rules after the permission check and validation; empty = back to the default. */
    @Transactional
    public List<NotificationRule> replace(long userId, List<NotificationRule> rules, String actor) {
        UserView user = contacts.editable(userId, actor);
        List<NotificationRule> value = validate(rules == null ? List.of() : rules);
        List<NotificationRule> before = stored(user.id());
        jdbc.sql("DELETE FROM notification_rule WHERE user_id = ?").param(user.id()).update();
        for (int i = 0; i < value.size(); i++) {
            NotificationRule r = value.get(i);
            jdbc.sql("INSERT INTO notification_rule (user_id, position, channel_id, delay_minutes) VALUES (?, ?, ?, ?)")
                    .params(user.id(), i, r.channelId(), r.delayMinutes()).update();
        }
        audit.record(actor, "notification-rules", String.valueOf(user.id()), "updated", Map.of("rules", before),
                Map.of("rules", value));
        return value;
    }

    private List<NotificationRule> validate(List<NotificationRule> rules) {
        if (rules.size() > MAX_RULES) {
            throw new InvalidInputException("rules", "at most " + MAX_RULES + " rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            NotificationRule r = rules.get(i);
            String at = "rules[" + i + "].";
            if (r == null || r.method() == null) {
                throw new InvalidInputException(at + "method", "must be EMAIL or CHANNEL");
            }
            if (r.delayMinutes() == null || r.delayMinutes() < 0 || r.delayMinutes() > MAX_DELAY_MINUTES) {
                throw new InvalidInputException(at + "delayMinutes", "must be between 0 and " + MAX_DELAY_MINUTES);
            }
            if (r.method() == NotificationRule.Method.EMAIL && r.channelId() != null) {
                throw new InvalidInputException(at + "channelId", "must be empty for EMAIL");
            }
            if (r.method() == NotificationRule.Method.CHANNEL) {
                checkChannel(at + "channelId", r.channelId());
            }
        }
        return List.copyOf(rules);
    }

    private void checkChannel(String field, Long channelId) {
        if (channelId == null) {
            throw new InvalidInputException(field, "is required for CHANNEL");
        }
        ChannelConfig c = channels.find(channelId)
                .orElseThrow(() -> new InvalidInputException(field, "no channel " + channelId));
        if (c.customer()) {
            throw new InvalidInputException(field, "is a customer channel; pages go to internal channels only");
        }
        if (c.kind() == ChannelKind.EMAIL) {
            throw new InvalidInputException(field, "is an email channel; use the EMAIL method to be emailed");
        }
    }
}
