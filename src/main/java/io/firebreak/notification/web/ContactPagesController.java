package io.firebreak.notification.web;

import java.security.Principal;
import java.util.ArrayList;
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
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.ContactMethods;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.notification.internal.NotificationRule;
import io.firebreak.notification.internal.NotificationRules;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * {@code /notifications/contacts}: a signed-in person edits their own IM contact methods and
 * personal notification rules (how and after how long a page reaches them); an ADMIN picks anyone
 * with {@code ?user=<id>}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ContactPagesController {

    /** Empty rows offered under the stored rules for adding more. */
    private static final int BLANK_RULE_ROWS = 2;

    private final ContactBook contacts;
    private final UserManagement users;
    private final NotificationRules rules;
    private final ChannelRepository channels;

    ContactPagesController(ContactBook contacts, UserManagement users, NotificationRules rules,
            ChannelRepository channels) {
        this.contacts = contacts;
        this.users = users;
        this.rules = rules;
        this.channels = channels;
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

    /**
     * Saves the personal notification rules: rows of {@code method} ("EMAIL", "CHANNEL:<id>" or
     * empty to drop the row) and {@code delay} minutes, in order.
     */
    @PostMapping("/notifications/contacts/rules")
    String saveRules(@RequestParam long userId, @RequestParam(name = "method", required = false) List<String> methods,
            @RequestParam(name = "delay", required = false) List<String> delays, Model model, Principal principal,
            jakarta.servlet.http.HttpServletResponse response) {
        UserView me = users.getByUsername(principal.getName());
        UserView shown = editable(userId, principal);
        try {
            rules.replace(userId, parse(methods, delays), principal.getName());
            model.addAttribute("rulesSaved", true);
            return render(model, me, shown, contacts.of(shown.id()), null, false);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            return render(model, me, shown, contacts.of(shown.id()), e.getMessage(), false);
        }
    }

    static List<NotificationRule> parse(List<String> methods, List<String> delays) {
        List<NotificationRule> out = new ArrayList<>();
        int rows = methods == null ? 0 : methods.size();
        for (int i = 0; i < rows; i++) {
            String method = methods.get(i) == null ? "" : methods.get(i).strip();
            if (method.isEmpty()) {
                continue;
            }
            String field = "rules[" + out.size() + "]";
            Integer delay;
            try {
                String d = delays == null || i >= delays.size() ? "" : delays.get(i).strip();
                delay = d.isEmpty() ? 0 : Integer.valueOf(d);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field + ".delayMinutes", "must be a whole number of minutes");
            }
            if (method.equals("EMAIL")) {
                out.add(new NotificationRule(NotificationRule.Method.EMAIL, null, delay));
            } else if (method.startsWith("CHANNEL:")) {
                try {
                    out.add(new NotificationRule(NotificationRule.Method.CHANNEL,
                            Long.valueOf(method.substring("CHANNEL:".length())), delay));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(field + ".channelId", "must be a channel id");
                }
            } else {
                throw new InvalidInputException(field + ".method", "must be EMAIL or CHANNEL");
            }
        }
        return out;
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
        List<NotificationRule> stored = rules.stored(shown.id());
        model.addAttribute("rules", stored);
        model.addAttribute("blankRules", BLANK_RULE_ROWS);
        model.addAttribute("ruleChannels", channels.all().stream().filter(c -> !c.customer())
                .filter(c -> c.kind() != ChannelKind.EMAIL).toList());
        return "notification/contacts";
    }
}
