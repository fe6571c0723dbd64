package io.firebreak.notification.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.internal.IncidentMessages;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.StoredMessage;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * The incident page's messages panel ({@code GET /incidents/{ref}/messages}, an htmx fragment):
 * every message of the incident with status, reason, attempts and the provider's last answer;
 * the "post status update" and "customer notice" forms; Approve buttons on notices awaiting the
 * commander's or comms lead's approval. Each POST answers with the refreshed panel.
 */
@Controller
class IncidentMessagesController {

    private final IncidentManagement incidents;
    private final MessageRepository messages;
    private final IncidentMessages actions;

    IncidentMessagesController(IncidentManagement incidents, MessageRepository messages, IncidentMessages actions) {
        this.incidents = incidents;
        this.messages = messages;
        this.actions = actions;
    }

    @GetMapping("/incidents/{ref}/messages")
    @PreAuthorize("hasRole('VIEWER')")
    String panel(@PathVariable String ref, Model model, Principal principal) {
        return render(incident(ref), model, principal);
    }

    @PostMapping("/incidents/{ref}/messages/status-update")
    @PreAuthorize("hasRole('RESPONDER')")
    String statusUpdate(@PathVariable String ref, @RequestParam(required = false) String status,
            @RequestParam(required = false) String progress, @RequestParam(required = false) String eta, Model model,
            Principal principal) {
        IncidentView incident = incident(ref);
        try {
            actions.statusUpdate(incident.number(), status, progress, eta, principal.getName());
            model.addAttribute("ok", "notification.panel.statusUpdate.sent");
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        return render(incident, model, principal);
    }

    @PostMapping("/incidents/{ref}/messages/customer-notice")
    @PreAuthorize("hasRole('RESPONDER')")
    String customerNotice(@PathVariable String ref, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String eta, Model model, Principal principal) {
        IncidentView incident = incident(ref);
        try {
            TemplateKind k = "SERVICE_RESTORED".equals(kind) ? TemplateKind.SERVICE_RESTORED
                    : TemplateKind.CUSTOMER_NOTICE;
            actions.customerNotice(incident.number(), k, eta, principal.getName());
            model.addAttribute("ok", incident.levelRank() <= 1 ? "notification.panel.notice.awaiting"
                    : "notification.panel.notice.queued");
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        return render(incident, model, principal);
    }

    @PostMapping("/incidents/{ref}/messages/{id}/approve")
    @PreAuthorize("hasRole('RESPONDER')")
    String approve(@PathVariable String ref, @PathVariable long id, Model model, Principal principal) {
        IncidentView incident = incident(ref);
        try {
            actions.approve(incident.number(), id, principal.getName());
            model.addAttribute("ok", "notification.panel.approved");
        } catch (PermissionDeniedException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            model.addAttribute("error", e.getMessage());
        }
        return render(incident, model, principal);
    }

    private String render(IncidentView incident, Model model, Principal principal) {
        List<StoredMessage> list = messages.forIncident(incident.id());
        model.addAttribute("incident", incident);
        model.addAttribute("messages", list);
        model.addAttribute("attempts", list.stream().collect(java.util.stream.Collectors.toMap(StoredMessage::id,
                m -> messages.attempts(m.id()))));
        model.addAttribute("mayApprove", actions.mayApprove(incident, principal.getName()));
        model.addAttribute("statusPrefill", incident.status().name());
        return "notification/panel :: panel";
    }

    private IncidentView incident(String ref) {
        try {
            return incidents.get(ref);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
