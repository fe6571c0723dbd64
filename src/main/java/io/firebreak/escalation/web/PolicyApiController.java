package io.firebreak.escalation.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.escalation.EscalationManagement;
import io.firebreak.escalation.PolicyDefinition;
import io.firebreak.escalation.PolicyView;

/** {@code /api/v1/escalation-policies}: everyone reads escalation policies; only admins change them. */
@RestController
@RequestMapping("/api/v1/escalation-policies")
class PolicyApiController {

    private final EscalationManagement escalation;

    PolicyApiController(EscalationManagement escalation) {
        this.escalation = escalation;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    List<PolicyView> list() {
        return escalation.policies();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    PolicyView get(@PathVariable long id) {
        return escalation.policy(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    PolicyView create(Principal principal, @RequestBody(required = false) PolicyDefinition request) {
        return escalation.create(request, principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PolicyView update(Principal principal, @PathVariable long id,
            @RequestBody(required = false) PolicyDefinition request) {
        return escalation.update(id, request, principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(Principal principal, @PathVariable long id) {
        escalation.delete(id, principal.getName());
    }
}
