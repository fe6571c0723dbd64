package io.firebreak.escalation.web;

import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.escalation.EscalationManagement;
import io.firebreak.escalation.PolicyView;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.oncall.OncallManagement;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * {@code /escalation-policies}: everyone signed in reads the policies; admins create, edit and
 * delete them in an editor with steps (delay, targets picked from users, schedules, teams and
 * "next on call"), repeats, services and the default mark.
 */
@Controller
@RequestMapping("/escalation-policies")
class PolicyPagesController {

    private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d+)]\\.?(delayMinutes|targets)?.*");

    private final EscalationManagement escalation;
    private final CatalogManagement catalog;
    private final UserManagement users;
    private final TeamManagement teams;
    private final OncallManagement oncall;
    private final MessageSource messages;

    PolicyPagesController(EscalationManagement escalation, CatalogManagement catalog, UserManagement users,
            TeamManagement teams, OncallManagement oncall, MessageSource messages) {
        this.escalation = escalation;
        this.catalog = catalog;
        this.users = users;
        this.teams = teams;
        this.oncall = oncall;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        model.addAttribute("policies", escalation.policies());
        return "escalation/policies";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String create(Model model) {
        return editor(model, null, PolicyForm.blank());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@RequestParam MultiValueMap<String, String> params, Principal principal, Model model,
            RedirectAttributes redirect) {
        PolicyForm form = PolicyForm.from(params);
        try {
            escalation.create(form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("common.saved", null));
            return "redirect:/escalation-policies";
        } catch (InvalidInputException e) {
            model.addAttribute("formError", fieldError(e));
        } catch (ConflictException e) {
            model.addAttribute("formError", text("escalation.error.duplicateName", null));
        }
        return editor(model, null, form.forEditing());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        PolicyView policy = escalation.policy(id);
        return editor(model, policy, PolicyForm.of(policy));
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Principal principal,
            Model model, RedirectAttributes redirect) {
        PolicyView policy = escalation.policy(id);
        PolicyForm form = PolicyForm.from(params);
        try {
            escalation.update(id, form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("common.saved", null));
            return "redirect:/escalation-policies";
        } catch (InvalidInputException e) {
            model.addAttribute("formError", fieldError(e));
        } catch (ConflictException e) {
            model.addAttribute("formError", text("escalation.error.duplicateName", null));
        }
        return editor(model, policy, form.forEditing());
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
        PolicyView policy = escalation.policy(id);
        try {
            escalation.delete(id, principal.getName());
            redirect.addFlashAttribute("notice", text("escalation.policies.deleted", null));
            return "redirect:/escalation-policies";
        } catch (ConflictException e) {
            model.addAttribute("formError", text("escalation.error.inUse", null));
        }
        return editor(model, policy, PolicyForm.of(policy));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private String editor(Model model, PolicyView policy, PolicyForm form) {
        model.addAttribute("policy", policy);
        model.addAttribute("form", form);
        model.addAttribute("services", catalog.list());
        model.addAttribute("users", users.list().stream().filter(u -> u.enabled()).toList());
        model.addAttribute("teams", teams.list());
        model.addAttribute("schedules", oncall.schedules());
        return "escalation/policy-edit";
    }

    /** The error in the reader's language, naming the field (and the step, counted from 1). */
    private String fieldError(InvalidInputException e) {
        Matcher m = STEP_FIELD.matcher(e.field());
        if (m.matches()) {
            String part = m.group(2) == null ? "step" : m.group(2);
            return text("escalation.error.step." + part, new Object[] { Integer.parseInt(m.group(1)) + 1 });
        }
        return text("escalation.error." + e.field(), null);
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
