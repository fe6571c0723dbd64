package io.firebreak.escalation.rules.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.firebreak.escalation.ClockRuleManagement;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.shared.NotFoundException;

/**
 * {@code GET /incidents/{ref}/clock-rules}: the incident page's clock panel as an HTML fragment:
 * whether a target is at risk or breached, the rules still to fire (and when) and those that fired.
 */
@Controller
class ClockRulePanelController {

    private final IncidentManagement incidents;
    private final ClockRuleManagement rules;

    ClockRulePanelController(IncidentManagement incidents, ClockRuleManagement rules) {
        this.incidents = incidents;
        this.rules = rules;
    }

    @GetMapping("/incidents/{ref}/clock-rules")
    @PreAuthorize("hasRole('VIEWER')")
    String panel(@PathVariable String ref, Model model) {
        IncidentView incident;
        try {
            incident = incidents.get(ref);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("risk", rules.risk(incident));
        model.addAttribute("pending", rules.pending(incident.id()));
        model.addAttribute("fired", rules.firings(incident.id()));
        return "escalation/clock-rule-panel :: panel";
    }
}
