package io.firebreak.notification.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.identity.UserView;
import io.firebreak.notification.ContactMethods;
import io.firebreak.notification.internal.ContactBook;

/**
 * {@code GET/PUT /api/v1/notifications/contacts/{userId}}: a person's contact methods; one's own
 * with any role the API allows for the method, anyone's as ADMIN (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/notifications/contacts")
class ContactApiController {

    private final ContactBook contacts;

    ContactApiController(ContactBook contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/{userId}")
    ContactResponse get(@PathVariable long userId, Principal principal) {
        UserView user = contacts.editable(userId, principal.getName());
        return ContactResponse.of(user, contacts.of(user.id()));
    }

    @PutMapping("/{userId}")
    ContactResponse put(@PathVariable long userId, @RequestBody ContactMethods body, Principal principal) {
        ContactMethods saved = contacts.update(userId, body, principal.getName());
        return ContactResponse.of(contacts.editable(userId, principal.getName()), saved);
    }
}
