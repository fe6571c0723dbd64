package io.firebreak.catalog.web;

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

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;

/** {@code /api/v1/services}: everyone reads the service catalog; only admins change it. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceApiController {

    private final CatalogManagement catalog;

    ServiceApiController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ServiceView> list() {
        return catalog.list();
    }

    @GetMapping("/{id}")
    ServiceView get(@PathVariable long id) {
        return catalog.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ServiceView create(Principal principal, @RequestBody(required = false) ServiceDefinition request) {
        return catalog.create(request, principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ServiceView update(Principal principal, @PathVariable long id,
            @RequestBody(required = false) ServiceDefinition request) {
        return catalog.update(id, request, principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(Principal principal, @PathVariable long id) {
        catalog.delete(id, principal.getName());
    }
}
