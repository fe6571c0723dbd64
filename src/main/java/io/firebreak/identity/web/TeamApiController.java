package io.firebreak.identity.web;

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

import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.shared.InvalidInputException;

/** {@code /api/v1/teams}: everyone reads teams; only admins change them and their members. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamApiController {

    private final TeamManagement teams;

    TeamApiController(TeamManagement teams) {
        this.teams = teams;
    }

    @GetMapping
    List<TeamView> list() {
        return teams.list();
    }

    @GetMapping("/{id}")
    TeamView get(@PathVariable long id) {
        return teams.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    TeamView create(Principal principal, @RequestBody(required = false) TeamDefinition request) {
        return teams.create(required(request), principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    TeamView update(Principal principal, @PathVariable long id, @RequestBody(required = false) TeamDefinition request) {
        return teams.update(id, required(request), principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(Principal principal, @PathVariable long id) {
        teams.delete(id, principal.getName());
    }

    @PutMapping("/{id}/members/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    TeamView addMember(Principal principal, @PathVariable long id, @PathVariable long userId) {
        return teams.addMember(id, userId, principal.getName());
    }

    @DeleteMapping("/{id}/members/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    TeamView removeMember(Principal principal, @PathVariable long id, @PathVariable long userId) {
        return teams.removeMember(id, userId, principal.getName());
    }

    private static TeamDefinition required(TeamDefinition request) {
        if (request == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        return request;
    }
}
