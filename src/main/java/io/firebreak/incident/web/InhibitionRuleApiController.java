package io.firebreak.incident.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.incident.IncidentAlertView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.InhibitionRuleManagement;
import io.firebreak.incident.InhibitionRuleView;
import io.firebreak.incident.NewInhibitionRule;

/**
 * {@code /api/v1/inhibition-rules} (read: VIEWER; create and delete: ADMIN) and
 * {@code /api/v1/incidents/{ref}/alerts}, the alerts grouped into an incident (VIEWER).
 */
@RestController
@RequestMapping("/api/v1")
class InhibitionRuleApiController {

    private final InhibitionRuleManagement rules;
    private final IncidentManagement incidents;

    InhibitionRuleApiController(InhibitionRuleManagement rules, IncidentManagement incidents) {
        this.rules = rules;
        this.incidents = incidents;
    }

    @GetMapping("/inhibition-rules")
    List<InhibitionRuleView> list() {
        return rules.list();
    }

    @GetMapping("/inhibition-rules/{id}")
    InhibitionRuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping("/inhibition-rules")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<InhibitionRuleView> create(Principal principal, @RequestBody(required = false) NewInhibitionRule body) {
        InhibitionRuleView created = rules.create(body, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/inhibition-rules/" + created.id())).body(created);
    }

    @DeleteMapping("/inhibition-rules/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(Principal principal, @PathVariable long id) {
        rules.delete(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/incidents/{ref}/alerts")
    List<IncidentAlertView> alerts(@PathVariable String ref) {
        return incidents.alertsOf(ref);
    }
}
