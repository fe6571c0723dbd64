package io.firebreak.notification.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.notification.ContactMethods;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * {@code /notifications/contacts}: a signed-in person edits their own IM contact methods; an ADMIN
 * picks anyone with {@code ?user=<id>}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ContactPagesController {

    private final ContactBook contacts;
    private final UserManagement users;

    ContactPagesController(ContactBook contacts, UserManagement users) {
        this.contacts = contacts;
        this.users = users;
    }

    @GetMapping("/notifications/contacts")
    String page(@RequestParam(required = false) Long user, Model model, Principal principal) {
        UserView me = users.getByUsername(principal.getName());
        UserView shown = editable(user == null ? me.id() : user, principal);
        return render(model, me, shown, contacts.of(shown.id()), null, false);
    }

    @PostMapping("/notifications/contacts")
    String save(@RequestParam long userId, @RequestParam(required = false) String slack,
            @RequestParam(required = false) String dingtalk, @RequestParam(required = false) String wecom,
            @RequestParam(required = false) String feishu, Model model, Principal principal,
            jakarta.servlet.http.HttpServletResponse response) {
        UserView me = users.getByUsername(principal.getName());
        UserView shown = editable(userId, principal);
        ContactMethods value = new ContactMethods(slack, dingtalk, wecom, feishu);
        try {
            contacts.update(userId, value, principal.getName());
            return render(model, me, shown, contacts.of(shown.id()), null, true);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            return render(model, me, shown, value, e.getMessage(), false);
        }
    }

    /** The UI answers 403 through Spring Security (the problem-detail mapping is for the API only). */
    private UserView editable(long userId, Principal principal) {
        try {
            return contacts.editable(userId, principal.getName());
        } catch (PermissionDeniedException e) {
            throw new AccessDeniedException(e.getMessage());
        }
    }

    private String render(Model model, UserView me, UserView shown, ContactMethods value, String error, boolean saved) {
        model.addAttribute("shown", shown);
        model.addAttribute("contact", value);
        model.addAttribute("error", error);
        model.addAttribute("saved", saved);
        model.addAttribute("people", me.role() == Role.ADMIN ? users.list() : List.of());
        return "notification/contacts";
    }
}
