package io.firebreak.notification.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.notification.ContactMethods;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.notification.internal.NotificationRules;

/**
 * A person's own notification rules and contact methods, whatever their role:
 * {@code GET/PUT /api/v1/users/me/notification-rules} and {@code /api/v1/users/me/contacts};
 * another person's with {@code /api/v1/users/{userId}/notification-rules} as ADMIN (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/users")
class NotificationRulesApiController {

    private final NotificationRules rules;
    private final ContactBook contacts;
    private final UserManagement users;

    NotificationRulesApiController(NotificationRules rules, ContactBook contacts, UserManagement users) {
        this.rules = rules;
        this.contacts = contacts;
        this.users = users;
    }

    @GetMapping("/me/notification-rules")
    NotificationRulesResponse mine(Principal principal) {
        return get(me(principal), principal);
    }

    @PutMapping("/me/notification-rules")
    NotificationRulesResponse putMine(@RequestBody NotificationRulesResponse.Change body, Principal principal) {
        return put(me(principal), body, principal);
    }

    @GetMapping("/{userId}/notification-rules")
    NotificationRulesResponse get(@PathVariable long userId, Principal principal) {
        UserView user = contacts.editable(userId, principal.getName());
        return NotificationRulesResponse.of(user, rules.stored(user.id()));
    }

    @PutMapping("/{userId}/notification-rules")
    NotificationRulesResponse put(@PathVariable long userId, @RequestBody NotificationRulesResponse.Change body,
            Principal principal) {
        var saved = rules.replace(userId, body == null ? null : body.rules(), principal.getName());
        return NotificationRulesResponse.of(contacts.editable(userId, principal.getName()), saved);
    }

    @GetMapping("/me/contacts")
    ContactResponse myContacts(Principal principal) {
        UserView user = users.getByUsername(principal.getName());
        return ContactResponse.of(user, contacts.of(user.id()));
    }

    @PutMapping("/me/contacts")
    ContactResponse putMyContacts(@RequestBody ContactMethods body, Principal principal) {
        long id = me(principal);
        ContactMethods saved = contacts.update(id, body, principal.getName());
        return ContactResponse.of(users.get(id), saved);
    }

    private long me(Principal principal) {
        return users.getByUsername(principal.getName()).id();
    }
}
