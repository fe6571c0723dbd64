package io.firebreak.identity.web;

import java.security.Principal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;

/** {@code /teams}: everyone sees the teams and their members; admins create, edit and delete them. */
@Controller
@RequestMapping("/teams")
class TeamPageController {

    private final TeamManagement teams;
    private final UserManagement users;
    private final FormErrors errors;

    TeamPageController(TeamManagement teams, UserManagement users, FormErrors errors) {
        this.teams = teams;
        this.users = users;
        this.errors = errors;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        return listPage(model, new TeamForm("", ""));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@ModelAttribute("form") TeamForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            TeamView team = teams.create(new TeamDefinition(form.name(), form.description()), principal.getName());
            redirect.addFlashAttribute("notice", errors.text("common.saved", "Saved."));
            return "redirect:/teams/" + team.id();
        } catch (InvalidInputException e) {
            errors.field(model, e);
        } catch (ConflictException e) {
            errors.conflict(model, "identity.error.duplicateTeam", e);
        }
        return listPage(model, form);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        TeamView team = teams.get(id);
        return editPage(model, team, new TeamForm(team.name(), team.description()));
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @ModelAttribute("form") TeamForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        TeamView team = teams.get(id);
        try {
            teams.update(id, new TeamDefinition(form.name(), form.description()), principal.getName());
            redirect.addFlashAttribute("notice", errors.text("common.saved", "Saved."));
            return "redirect:/teams";
        } catch (InvalidInputException e) {
            errors.field(model, e);
        } catch (ConflictException e) {
            errors.conflict(model, "identity.error.duplicateTeam", e);
        }
        return editPage(model, team, form);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        teams.delete(id, principal.getName());
        redirect.addFlashAttribute("notice", errors.text("identity.teams.deleted", "Deleted."));
        return "redirect:/teams";
    }

    @PostMapping("/{id}/members")
    @PreAuthorize("hasRole('ADMIN')")
    String addMember(@PathVariable long id, @RequestParam(required = false) String userId, Principal principal,
            Model model) {
        TeamView team = teams.get(id);
        try {
            long user = parseId(userId);
            teams.addMember(id, user, principal.getName());
            return "redirect:/teams/" + id;
        } catch (InvalidInputException e) {
            errors.field(model, e);
        }
        return editPage(model, team, new TeamForm(team.name(), team.description()));
    }

    @PostMapping("/{id}/members/{userId}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeMember(@PathVariable long id, @PathVariable long userId, Principal principal) {
        teams.removeMember(id, userId, principal.getName());
        return "redirect:/teams/" + id;
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("userId", "choose a person");
        }
    }

    private String listPage(Model model, TeamForm form) {
        model.addAttribute("teams", teams.list());
        model.addAttribute("usersById", usersById());
        model.addAttribute("form", form);
        return "identity/teams";
    }

    private String editPage(Model model, TeamView team, TeamForm form) {
        Map<Long, UserView> byId = usersById();
        model.addAttribute("team", team);
        model.addAttribute("usersById", byId);
        model.addAttribute("candidates", byId.values().stream()
                .filter(u -> !team.memberIds().contains(u.id())).toList());
        model.addAttribute("form", form);
        return "identity/team-edit";
    }

    private Map<Long, UserView> usersById() {
        return users.list().stream().collect(Collectors.toMap(UserView::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** The team form as posted. */
    record TeamForm(String name, String description) {
    }
}
