package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.notification.ContactMethods;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * The stored IM contact methods of people: anyone reads and edits their own, an ADMIN anyone's;
 * every change is validated (400 naming the field) and audited.
 */
@Component
public class ContactBook {

    static final int MAX = 64;
    private static final Pattern SLACK = Pattern.compile("[UW][A-Z0-9]{2,62}");
    private static final Pattern IM_ID = Pattern.compile("[A-Za-z0-9_.@:+\\-]{1,64}");

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final AuditManagement audit;
    private final Clock clock;

    ContactBook(JdbcClient jdbc, UserManagement users, AuditManagement audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored contact methods of a user, {@link ContactMethods#NONE} if none. */
    public ContactMethods of(long userId) {
        return jdbc.sql("SELECT slack, dingtalk, wecom, feishu FROM notification_contact WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new ContactMethods(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElse(ContactMethods.NONE);
    }

    /** The contact methods of several users at once (absent = none). */
    public Map<Long, ContactMethods> of(List<Long> userIds) {
        Map<Long, ContactMethods> out = new HashMap<>();
        for (Long id : userIds) {
            out.put(id, of(id));
        }
        return out;
    }

    /** The user {@code actor} may see and edit: themself, or anyone if ADMIN (403 otherwise, 404 if unknown). */
    public UserView editable(long userId, String actor) {
        UserView me = users.getByUsername(actor);
        if (me.id() != userId && me.role() != Role.ADMIN) {
            throw new PermissionDeniedException("Only an administrator may edit another person's contact methods.");
        }
        return users.get(userId);
    }

    /** Replaces the contact methods of a user after the permission check and validation. */
    @Transactional
    public ContactMethods update(long userId, ContactMethods change, String actor) {
        UserView user = editable(userId, actor);
        ContactMethods value = change == null ? ContactMethods.NONE : change;
        check("slack", value.slack(), SLACK, "must be a Slack member id such as U012AB3CD");
        check("dingtalk", value.dingtalk(), IM_ID, "must be a DingTalk user id or mobile number");
        check("wecom", value.wecom(), IM_ID, "must be a WeCom user id");
        check("feishu", value.feishu(), IM_ID, "must be a Feishu user id or open_id");
        ContactMethods before = of(user.id());
        jdbc.sql("DELETE FROM notification_contact WHERE user_id = ?").param(user.id()).update();
        jdbc.sql("INSERT INTO notification_contact (user_id, slack, dingtalk, wecom, feishu, updated_by, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), value.slack(), value.dingtalk(), value.wecom(), value.feishu(), actor,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        audit.record(actor, "notification-contact", String.valueOf(user.id()), "updated", before, value);
        return value;
    }

    private static void check(String field, String value, Pattern pattern, String message) {
        if (value.isEmpty()) {
            return;
        }
        if (value.length() > MAX) {
            throw new InvalidInputException(field, "must be at most " + MAX + " characters");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, message);
        }
    }
}
