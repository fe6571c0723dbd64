package io.firebreak.incident.ui;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.incident.InhibitionRuleManagement;
import io.firebreak.incident.LabelMatcher;
import io.firebreak.incident.NewInhibitionRule;
import io.firebreak.shared.InvalidInputException;

/**
 * The inhibition rules page ({@code /inhibition-rules}): everyone may read the rules, admins add
 * and delete them. Matchers are written one per line as {@code label=value}, {@code label!=value},
 * {@code label=~regex} or {@code label!~regex}; equal labels comma-separated.
 */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class InhibitionRulePageController {

    private static final Pattern MATCHER = Pattern.compile("^\\s*([^=!~\\s]+)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$");

    private final InhibitionRuleManagement rules;
    private final Notices notices;

    InhibitionRulePageController(InhibitionRuleManagement rules, Notices notices) {
        this.rules = rules;
        this.notices = notices;
    }

    @GetMapping("/inhibition-rules")
    String page(Model model) {
        model.addAttribute("rules", rules.list());
        return "incident/inhibition";
    }

    @PostMapping("/inhibition-rules")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String source,
            @RequestParam(required = false) String target, @RequestParam(required = false) String equal,
            Principal who, RedirectAttributes flash) {
        try {
            rules.create(new NewInhibitionRule(name, parse("source", source), parse("target", target),
                    equal == null || equal.isBlank() ? List.of()
                            : Arrays.stream(equal.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()),
                    who.getName());
            notices.ok(flash, "incidentui.inhibition.created.notice");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("name", name);
            flash.addFlashAttribute("source", source);
            flash.addFlashAttribute("target", target);
            flash.addFlashAttribute("equal", equal);
            notices.refused(flash, e);
        }
        return "redirect:/inhibition-rules";
    }

    @PostMapping("/inhibition-rules/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, Principal who, RedirectAttributes flash) {
        try {
            rules.delete(id, who.getName());
            notices.ok(flash, "incidentui.inhibition.deleted");
        } catch (RuntimeException e) {
            notices.refused(flash, e);
        }
        return "redirect:/inhibition-rules";
    }

    /** One matcher per line; a value may be quoted as in Alertmanager ({@code alertname="NodeDown"}). */
    static List<LabelMatcher> parse(String field, String text) {
        List<LabelMatcher> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = MATCHER.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException(field, "line \"" + line.strip() + "\" is not label=value, label!=value, "
                        + "label=~regex or label!~regex");
            }
            String value = m.group(3);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            out.add(new LabelMatcher(m.group(1), m.group(2), value));
        }
        return out;
    }
}
