package io.firebreak.notification.web;

import io.firebreak.identity.UserView;
import io.firebreak.notification.ContactMethods;

/** One person's contact methods as the API shows them: email and phone (from identity, read-only) and IM ids. */
record ContactResponse(long userId, String username, String displayName, String email, String phone, String slack,
        String dingtalk, String wecom, String feishu) {

    static ContactResponse of(UserView user, ContactMethods c) {
        return new ContactResponse(user.id(), user.username(), user.displayName(), user.email(), user.phone(),
                c.slack(), c.dingtalk(), c.wecom(), c.feishu());
    }
}
