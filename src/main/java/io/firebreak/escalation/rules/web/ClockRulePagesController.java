package io.firebreak.escalation.rules.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.escalation.ClockRuleAction;
import io.firebreak.escalation.ClockRuleAnchor;
import io.firebreak.escalation.ClockRuleDefinition;
import io.firebreak.escalation.ClockRuleField;
import io.firebreak.escalation.ClockRuleManagement;
import io.firebreak.escalation.ClockRuleView;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/** {@code /clock-rules}: everyone reads the clock rules; admins create, edit, disable and delete them. */
@Controller
@RequestMapping("/clock-rules")
class ClockRulePagesController {

    private final ClockRuleManagement rules;
    private final SeverityManagement severity;
    private final UserManagement users;
    private final TeamManagement teams;
    private final MessageSource messages;

    ClockRulePagesController(ClockRuleManagement rules, SeverityManagement severity, UserManagement users,
            TeamManagement teams, MessageSource messages) {
        this.rules = rules;
        this.severity = severity;
        this.users = users;
        this.teams = teams;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("atRiskPercent", rules.atRiskPercent());
        return "escalation/clock-rules";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String create(Model model) {
        return editPage(model, null, RuleForm.blank());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@ModelAttribute("form") RuleForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            rules.create(form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("clockrules.saved", "Saved."));
            return "redirect:/clock-rules";
        } catch (InvalidInputException e) {
            fieldError(model, e);
        }
        return editPage(model, null, form);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        ClockRuleView rule = rules.get(id);
        return editPage(model, rule, RuleForm.of(rule));
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @ModelAttribute("form") RuleForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        ClockRuleView rule = rules.get(id);
        try {
            rules.update(id, form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("clockrules.saved", "Saved."));
            return "redirect:/clock-rules";
        } catch (InvalidInputException e) {
            fieldError(model, e);
        }
        return editPage(model, rule, form);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        rules.delete(id, principal.getName());
        redirect.addFlashAttribute("notice", text("clockrules.deleted", "Deleted."));
        return "redirect:/clock-rules";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private String editPage(Model model, ClockRuleView rule, RuleForm form) {
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("levels", severity.activeScheme().levels());
        model.addAttribute("stages", Arrays.stream(IncidentStatus.values()).filter(s -> s != IncidentStatus.CLOSED)
                .toList());
        model.addAttribute("anchors", ClockRuleAnchor.values());
        model.addAttribute("fields", ClockRuleField.values());
        model.addAttribute("actions", ClockRuleAction.values());
        model.addAttribute("users", users.list());
        model.addAttribute("teams", teams.list());
        return "escalation/clock-rule-edit";
    }

    private void fieldError(Model model, InvalidInputException e) {
        model.addAttribute("errors", Map.of(e.field(), text("clockrules.error." + e.field(), e.getMessage())));
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    /** The rule form as posted: every field a string so no input can fail binding. */
    record RuleForm(String nameEn, String nameZh, String enabled, List<String> levels, List<String> stages,
            String anchor, String after, String businessTime, String missingField, String unacknowledged,
            String repeatMinutes, List<String> actions, String raiseTo, List<String> audienceUsers,
            List<String> audienceTeams, String audienceManagement) {

        static RuleForm blank() {
            return new RuleForm("", "", "on", List.of(), List.of(), "DETECTION", "30", null, "", null, "",
                    List.of(), "", List.of(), List.of(), null);
        }

        static RuleForm of(ClockRuleView r) {
            return new RuleForm(r.nameEn(), r.nameZh(), r.enabled() ? "on" : null, r.levels(),
                    r.stages().stream().map(Enum::name).toList(), r.anchor().name(), String.valueOf(r.after()),
                    r.businessTime() ? "on" : null, r.missingField() == null ? "" : r.missingField().name(),
                    r.unacknowledged() ? "on" : null, r.repeatMinutes() == null ? "" : r.repeatMinutes().toString(),
                    r.actions().stream().map(Enum::name).toList(), r.raiseTo() == null ? "" : r.raiseTo(),
                    r.audienceUsers().stream().map(String::valueOf).toList(),
                    r.audienceTeams().stream().map(String::valueOf).toList(), r.audienceManagement() ? "on" : null);
        }

        /** Whether a multi-valued field holds the value, for the template. */
        public boolean has(List<String> values, Object value) {
            return values != null && value != null && values.contains(String.valueOf(value));
        }

        ClockRuleDefinition toDefinition() {
            return new ClockRuleDefinition(nameEn, nameZh, enabled != null, orEmpty(levels), orEmpty(stages), anchor,
                    integer(after, "after"), businessTime != null, missingField, unacknowledged != null,
                    integer(repeatMinutes, "repeatMinutes"), orEmpty(actions), raiseTo, ids(audienceUsers,
                            "audienceUsers"), ids(audienceTeams, "audienceTeams"), audienceManagement != null);
        }

        private static List<String> orEmpty(List<String> values) {
            return values == null ? List.of() : values;
        }

        private static Integer integer(String value, String field) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "is not a whole number");
            }
        }

        private static List<Long> ids(List<String> values, String field) {
            List<Long> out = new ArrayList<>();
            for (String v : orEmpty(values)) {
                try {
                    out.add(Long.valueOf(v.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(field, "is not a number");
                }
            }
            return out;
        }
    }
}
