package io.firebreak.escalation.rules.web;

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

import io.firebreak.escalation.ClockRuleDefinition;
import io.firebreak.escalation.ClockRuleManagement;
import io.firebreak.escalation.ClockRuleView;

/** {@code /api/v1/clock-rules}: everyone reads the clock rules; only admins change them. */
@RestController
@RequestMapping("/api/v1/clock-rules")
class ClockRuleApiController {

    private final ClockRuleManagement rules;

    ClockRuleApiController(ClockRuleManagement rules) {
        this.rules = rules;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    List<ClockRuleView> list() {
        return rules.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    ClockRuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ClockRuleView create(Principal principal, @RequestBody(required = false) ClockRuleDefinition request) {
        return rules.create(request, principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ClockRuleView update(Principal principal, @PathVariable long id,
            @RequestBody(required = false) ClockRuleDefinition request) {
        return rules.update(id, request, principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(Principal principal, @PathVariable long id) {
        rules.delete(id, principal.getName());
    }
}
