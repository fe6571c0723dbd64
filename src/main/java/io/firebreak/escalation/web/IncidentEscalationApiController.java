package io.firebreak.escalation.web;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.escalation.EscalationManagement;
import io.firebreak.escalation.EscalationState;
import io.firebreak.escalation.Reassignment;

/**
 * {@code /api/v1/incidents/{ref}/escalation}: the incident's escalation state (viewers), "escalate
 * now" and "reassign" (responders). Both actions answer with the state afterwards.
 */
@RestController
@RequestMapping("/api/v1/incidents/{ref}/escalation")
class IncidentEscalationApiController {

    private final EscalationManagement escalation;

    IncidentEscalationApiController(EscalationManagement escalation) {
        this.escalation = escalation;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    EscalationState state(@PathVariable String ref) {
        return escalation.state(ref);
    }

    @PostMapping("/escalate-now")
    @PreAuthorize("hasRole('RESPONDER')")
    EscalationState escalateNow(Principal principal, @PathVariable String ref) {
        escalation.escalateNow(ref, principal.getName());
        return escalation.state(ref);
    }

    @PostMapping("/reassign")
    @PreAuthorize("hasRole('RESPONDER')")
    EscalationState reassign(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) Reassignment request) {
        return escalation.reassign(ref, request, principal.getName());
    }
}
