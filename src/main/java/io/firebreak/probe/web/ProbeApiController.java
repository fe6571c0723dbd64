package io.firebreak.probe.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.probe.ProbeDefinition;
import io.firebreak.probe.ProbeManagement;
import io.firebreak.probe.ProbeResult;
import io.firebreak.probe.ProbeView;

/** {@code /api/v1/probes}: everyone reads health checks and their history; only admins change them. */
@RestController
@RequestMapping("/api/v1/probes")
class ProbeApiController {

    private final ProbeManagement probes;

    ProbeApiController(ProbeManagement probes) {
        this.probes = probes;
    }

    @GetMapping
    List<ProbeView> list() {
        return probes.list();
    }

    @GetMapping("/{id}")
    ProbeView get(@PathVariable long id) {
        return probes.get(id);
    }

    /** The newest results first; {@code limit} 1-500, default 100. */
    @GetMapping("/{id}/history")
    List<ProbeResult> history(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return probes.history(id, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ProbeView create(Principal principal, @RequestBody(required = false) ProbeDefinition request) {
        return probes.create(request, principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ProbeView update(Principal principal, @PathVariable long id,
            @RequestBody(required = false) ProbeDefinition request) {
        return probes.update(id, request, principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(Principal principal, @PathVariable long id) {
        probes.delete(id, principal.getName());
    }
}
