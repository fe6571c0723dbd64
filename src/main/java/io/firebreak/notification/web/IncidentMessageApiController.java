package io.firebreak.notification.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.notification.internal.IncidentMessages;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.shared.InvalidInputException;

/**
 * Messages sent from an incident over the API (RESPONDER and up):
 * {@code POST /api/v1/notifications/incidents/{ref}/status-updates} {status, progress, eta},
 * {@code POST …/customer-notices} {kind: CUSTOMER_NOTICE|SERVICE_RESTORED, eta},
 * {@code POST …/messages/{id}/approve} (the incident's commander or comms lead).
 */
@RestController
@RequestMapping("/api/v1/notifications/incidents/{ref}")
class IncidentMessageApiController {

    private final IncidentMessages actions;

    IncidentMessageApiController(IncidentMessages actions) {
        this.actions = actions;
    }

    @PostMapping("/status-updates")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, List<Long>> statusUpdate(@PathVariable String ref, @RequestBody Map<String, String> body,
            Principal principal) {
        Map<String, String> b = body == null ? Map.of() : body;
        return Map.of("messageIds",
                actions.statusUpdate(ref, b.get("status"), b.get("progress"), b.get("eta"), principal.getName()));
    }

    @PostMapping("/customer-notices")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, List<Long>> customerNotice(@PathVariable String ref, @RequestBody Map<String, String> body,
            Principal principal) {
        Map<String, String> b = body == null ? Map.of() : body;
        TemplateKind kind;
        try {
            kind = TemplateKind.valueOf(b.getOrDefault("kind", "CUSTOMER_NOTICE").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be CUSTOMER_NOTICE or SERVICE_RESTORED");
        }
        return Map.of("messageIds", actions.customerNotice(ref, kind, b.get("eta"), principal.getName()));
    }

    @PostMapping("/messages/{id}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable String ref, @PathVariable long id, Principal principal) {
        actions.approve(ref, id, principal.getName());
    }
}
