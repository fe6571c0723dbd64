package io.firebreak.escalation.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.firebreak.escalation.EscalationManagement;
import io.firebreak.escalation.EscalationState;
import io.firebreak.escalation.Reassignment;
import io.firebreak.identity.UserManagement;
import io.firebreak.oncall.OncallManagement;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The incident page's escalation panel ({@code GET /incidents/{ref}/escalation}, an htmx
 * fragment): policy, current step, "next page in …" (ticking in firebreak.js), who was paged, and
 * for responders "escalate now" and "reassign". Each POST answers with the refreshed panel.
 */
@Controller
class EscalationPanelController {

    private final EscalationManagement escalation;
    private final UserManagement users;
    private final OncallManagement oncall;
    private final MessageSource messages;
    private final Clock clock;

    EscalationPanelController(EscalationManagement escalation, UserManagement users, OncallManagement oncall,
            MessageSource messages, Clock clock) {
        this.clock = clock;
        this.escalation = escalation;
        this.users = users;
        this.oncall = oncall;
        this.messages = messages;
    }

    @GetMapping("/incidents/{ref}/escalation")
    @PreAuthorize("hasRole('VIEWER')")
    String panel(@PathVariable String ref, Model model) {
        return render(ref, model);
    }

    @PostMapping("/incidents/{ref}/escalation/escalate-now")
    @PreAuthorize("hasRole('RESPONDER')")
    String escalateNow(@PathVariable String ref, Model model, Principal principal) {
        try {
            int step = escalation.escalateNow(ref, principal.getName());
            model.addAttribute("ok", step > 0 ? text("escalation.panel.escalated", step)
                    : text("escalation.panel.nothingLeft"));
        } catch (ConflictException e) {
            model.addAttribute("error", text("escalation.panel.notOpen"));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return render(ref, model);
    }

    @PostMapping("/incidents/{ref}/escalation/reassign")
    @PreAuthorize("hasRole('RESPONDER')")
    String reassign(@PathVariable String ref, @RequestParam(required = false) String to, Model model,
            Principal principal) {
        try {
            escalation.reassign(ref, target(to), principal.getName());
            model.addAttribute("ok", text("escalation.panel.reassigned"));
        } catch (InvalidInputException e) {
            model.addAttribute("error", text("escalation.panel.reassignInvalid") + " " + e.getMessage());
        } catch (ConflictException e) {
            model.addAttribute("error", text("escalation.panel.notOpen"));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return render(ref, model);
    }

    /** "USER:5" or "SCHEDULE:3" from the picker. */
    private static Reassignment target(String to) {
        String[] kv = to == null ? new String[0] : to.split(":", 2);
        try {
            if (kv.length == 2 && kv[0].equals("USER")) {
                return new Reassignment(Long.parseLong(kv[1]), null);
            }
            if (kv.length == 2 && kv[0].equals("SCHEDULE")) {
                return new Reassignment(null, Long.parseLong(kv[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidInputException("to", "choose a person or a schedule");
    }

    private String render(String ref, Model model) {
        EscalationState state;
        try {
            state = escalation.state(ref);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("state", state);
        model.addAttribute("nextIn", state.nextDueAt() == null ? Duration.ZERO
                : Duration.between(clock.instant(), state.nextDueAt()));
        model.addAttribute("users", users.list().stream().filter(u -> u.enabled()).toList());
        model.addAttribute("schedules", oncall.schedules());
        return "escalation/panel :: panel";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
