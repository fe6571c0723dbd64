package io.firebreak.identity.web;

import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserUpdate;
import io.firebreak.identity.UserView;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;

/** {@code /users}: admins list, create and edit users, their role and whether they may sign in. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPageController {

    private final UserManagement users;
    private final TeamManagement teams;
    private final FormErrors errors;

    UserPageController(UserManagement users, TeamManagement teams, FormErrors errors) {
        this.users = users;
        this.teams = teams;
        this.errors = errors;
    }

    @GetMapping
    String list(Model model) {
        return listPage(model, UserForm.blank());
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            UserView created = users.create(new NewUser(form.username(), form.displayName(), form.email(),
                    form.phone(), form.locale(), form.timeZone(), UserForm.role(form.role()), form.password()),
                    principal.getName());
            redirect.addFlashAttribute("notice", errors.text("identity.users.created", "Created.")
                    + " " + created.username());
            return "redirect:/users";
        } catch (InvalidInputException e) {
            errors.field(model, e);
        } catch (ConflictException e) {
            errors.conflict(model, "identity.error.duplicateUsername", e);
        }
        return listPage(model, form.withoutPassword());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserView user = users.get(id);
        return editPage(model, user, UserForm.of(user));
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        UserView user = users.get(id);
        try {
            users.update(id, new UserUpdate(form.displayName(), form.email(), form.phone(), form.locale(),
                    form.timeZone(), UserForm.role(form.role()), form.enabled() != null, form.password()),
                    principal.getName());
            redirect.addFlashAttribute("notice", errors.text("common.saved", "Saved."));
            return "redirect:/users";
        } catch (InvalidInputException e) {
            errors.field(model, e);
        } catch (ConflictException e) {
            errors.conflict(model, "identity.error.lastAdmin", e);
        }
        return editPage(model, user, form.withoutPassword());
    }

    private String listPage(Model model, UserForm form) {
        model.addAttribute("users", users.list());
        model.addAttribute("form", form);
        addChoices(model);
        return "identity/users";
    }

    private String editPage(Model model, UserView user, UserForm form) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("teams", teams.teamsOf(user.id()));
        addChoices(model);
        return "identity/user-edit";
    }

    static void addChoices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("locales", List.of("en", "zh-CN"));
        model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
    }

    /** The user form as posted: every field a string so no input can fail binding. */
    record UserForm(String username, String displayName, String email, String phone, String locale, String timeZone,
            String role, String enabled, String password) {

        static UserForm blank() {
            return new UserForm("", "", "", "", "zh-CN", "Asia/Shanghai", Role.RESPONDER.name(), "on", "");
        }

        static UserForm of(UserView u) {
            return new UserForm(u.username(), u.displayName(), u.email(), u.phone(), u.locale(), u.timeZone().getId(),
                    u.role().name(), u.enabled() ? "on" : null, "");
        }

        UserForm withoutPassword() {
            return new UserForm(username, displayName, email, phone, locale, timeZone, role, enabled, "");
        }

        static Role role(String value) {
            try {
                return value == null || value.isBlank() ? null : Role.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("role", "must be one of VIEWER, RESPONDER, COMMANDER, ADMIN");
            }
        }
    }
}
