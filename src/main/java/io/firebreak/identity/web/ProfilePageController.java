package io.firebreak.identity.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.identity.ProfileUpdate;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.shared.InvalidInputException;

/** {@code /profile}: a person's own language, time zone, name, contact details and password. */
@Controller
@RequestMapping("/profile")
@PreAuthorize("hasRole('VIEWER')")
class ProfilePageController {

    private final UserManagement users;
    private final TeamManagement teams;
    private final FormErrors errors;

    ProfilePageController(UserManagement users, TeamManagement teams, FormErrors errors) {
        this.users = users;
        this.teams = teams;
        this.errors = errors;
    }

    @GetMapping
    String show(Principal principal, Model model) {
        UserView me = users.getByUsername(principal.getName());
        return page(model, me, ProfileForm.of(me));
    }

    @PostMapping
    String update(@ModelAttribute("form") ProfileForm form, Principal principal, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        try {
            users.updateProfile(principal.getName(), new ProfileUpdate(form.displayName(), form.email(),
                    form.phone(), form.locale(), form.timeZone()));
            redirect.addFlashAttribute("notice", errors.text("common.saved", "Saved."));
            // A language or zone chosen earlier in this session would hide the new profile
            // values, so forget it: the next request reads them from the profile.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME);
                session.removeAttribute(SessionLocaleResolver.TIME_ZONE_SESSION_ATTRIBUTE_NAME);
            }
            return "redirect:/profile";
        } catch (InvalidInputException e) {
            errors.field(model, e);
        }
        return page(model, users.getByUsername(principal.getName()), form);
    }

    @PostMapping("/password")
    String changePassword(@ModelAttribute PasswordForm password, Principal principal, Model model,
            RedirectAttributes redirect) {
        UserView me = users.getByUsername(principal.getName());
        try {
            if (password.newPassword() == null || !password.newPassword().equals(password.confirmPassword())) {
                throw new InvalidInputException("confirmPassword", "does not match the new password");
            }
            users.changePassword(principal.getName(), password.currentPassword(), password.newPassword());
            redirect.addFlashAttribute("notice", errors.text("identity.profile.passwordChanged", "Password changed."));
            return "redirect:/profile";
        } catch (InvalidInputException e) {
            errors.field(model, e);
        }
        return page(model, me, ProfileForm.of(me));
    }

    private String page(Model model, UserView me, ProfileForm form) {
        model.addAttribute("me", me);
        model.addAttribute("form", form);
        model.addAttribute("teams", teams.teamsOf(me.id()));
        UserPageController.addChoices(model);
        return "identity/profile";
    }

    /** The profile form as posted. */
    record ProfileForm(String displayName, String email, String phone, String locale, String timeZone) {

        static ProfileForm of(UserView u) {
            return new ProfileForm(u.displayName(), u.email(), u.phone(), u.locale(), u.timeZone().getId());
        }
    }

    /** The password form as posted; it is never put back into a page. */
    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }
}
