package io.firebreak.notification.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.internal.AckLinks;
import io.firebreak.shared.ConflictException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Acknowledge from a message: {@code GET /ack/{token}} shows a confirmation page (so link
 * previews and mail scanners that follow links acknowledge nothing), {@code POST /ack/{token}}
 * acknowledges the incident as the person the token names, marks the token used in the same
 * transaction and records the channel it came from in the audit log. A forged, expired or used
 * token gets 403.
 */
@Controller
class AckController {

    private final AckLinks links;
    private final IncidentManagement incidents;
    private final AuditManagement audit;
    private final TransactionTemplate tx;
    private final UserManagement users;

    AckController(AckLinks links, IncidentManagement incidents, AuditManagement audit, TransactionTemplate tx,
            UserManagement users) {
        this.users = users;
        this.links = links;
        this.incidents = incidents;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping("/ack/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        AckLinks.AckToken t;
        try {
            t = links.verify(token);
        } catch (AckLinks.RefusedToken e) {
            return refused(e, model, response);
        }
        IncidentView incident = incidents.get(String.valueOf(t.incidentId()));
        model.addAttribute("token", token);
        model.addAttribute("number", incident.number());
        model.addAttribute("title", incident.title());
        model.addAttribute("username", t.username());
        return "notification/ack";
    }

    @PostMapping("/ack/{token}")
    String acknowledge(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            String[] who = new String[1];
            IncidentView done = tx.execute(status -> {
                AckLinks.AckToken t = links.verify(token);
                if (users.findByUsername(t.username()).filter(UserView::enabled).isEmpty()) {
                    // The person was removed or disabled since the link was sent.
                    throw new AckLinks.RefusedToken(AckLinks.Refusal.FORGED);
                }
                links.markUsed(t);
                who[0] = t.username();
                IncidentView v = incidents.acknowledge(String.valueOf(t.incidentId()), t.username());
                audit.record(t.username(), "incident", String.valueOf(t.incidentId()), "acknowledged-from-message",
                        null, Map.of("channel", t.channel()));
                return v;
            });
            model.addAttribute("number", done.number());
            model.addAttribute("username", who[0]);
            model.addAttribute("done", true);
            return "notification/ack";
        } catch (AckLinks.RefusedToken e) {
            return refused(e, model, response);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", e.getMessage());
            return "notification/ack";
        }
    }

    private static String refused(AckLinks.RefusedToken e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("refusal", e.refusal().name());
        return "notification/ack";
    }
}
