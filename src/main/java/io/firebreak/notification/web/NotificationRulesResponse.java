package io.firebreak.notification.web;

import java.util.List;

import io.firebreak.identity.UserView;
import io.firebreak.notification.internal.NotificationRule;

/**
 * A person's personal notification rules as the API shows them: {@code rules} as stored (empty =
 * the default), {@code effective} what a page does now (the default: EMAIL after 0 minutes).
 */
record NotificationRulesResponse(long userId, String username, List<NotificationRule> rules,
        List<NotificationRule> effective) {

    static NotificationRulesResponse of(UserView user, List<NotificationRule> rules) {
        return new NotificationRulesResponse(user.id(), user.username(), rules,
                rules.isEmpty() ? List.of(NotificationRule.EMAIL_AT_ONCE) : rules);
    }

    /** The body of a PUT: the full ordered list replaces the stored one. */
    record Change(List<NotificationRule> rules) {
    }
}
