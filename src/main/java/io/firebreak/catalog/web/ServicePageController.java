package io.firebreak.catalog.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/** {@code /services}: everyone reads the service catalog; admins create, edit and delete services. */
@Controller
@RequestMapping("/services")
class ServicePageController {

    private final CatalogManagement catalog;
    private final TeamManagement teams;
    private final MessageSource messages;

    ServicePageController(CatalogManagement catalog, TeamManagement teams, MessageSource messages) {
        this.catalog = catalog;
        this.teams = teams;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        return listPage(model, ServiceForm.blank());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@ModelAttribute("form") ServiceForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            catalog.create(form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("common.saved", "Saved."));
            return "redirect:/services";
        } catch (InvalidInputException e) {
            fieldError(model, e);
        } catch (ConflictException e) {
            model.addAttribute("formError", text("catalog.error.duplicateName", e.getMessage()));
        }
        return listPage(model, form);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        ServiceView service = catalog.get(id);
        return editPage(model, service, ServiceForm.of(service));
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @ModelAttribute("form") ServiceForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        ServiceView service = catalog.get(id);
        try {
            catalog.update(id, form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("common.saved", "Saved."));
            return "redirect:/services";
        } catch (InvalidInputException e) {
            fieldError(model, e);
        } catch (ConflictException e) {
            model.addAttribute("formError", text("catalog.error.duplicateName", e.getMessage()));
        }
        return editPage(model, service, form);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
        ServiceView service = catalog.get(id);
        try {
            catalog.delete(id, principal.getName());
            redirect.addFlashAttribute("notice", text("catalog.services.deleted", "Deleted."));
            return "redirect:/services";
        } catch (ConflictException e) {
            model.addAttribute("formError", text("catalog.error.hasDependents", e.getMessage()));
        }
        return editPage(model, service, ServiceForm.of(service));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private String listPage(Model model, ServiceForm form) {
        List<ServiceView> services = catalog.list();
        model.addAttribute("services", services);
        model.addAttribute("servicesById", services.stream()
                .collect(Collectors.toMap(ServiceView::id, Function.identity())));
        addTeams(model);
        model.addAttribute("form", form);
        model.addAttribute("candidates", services);
        return "catalog/services";
    }

    private String editPage(Model model, ServiceView service, ServiceForm form) {
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        addTeams(model);
        // A service cannot depend on itself; deeper cycles are caught on save with a clear message.
        model.addAttribute("candidates", catalog.list().stream().filter(s -> s.id() != service.id()).toList());
        return "catalog/service-edit";
    }

    private void addTeams(Model model) {
        List<TeamView> all = teams.list();
        Map<Long, TeamView> byId = all.stream().collect(Collectors.toMap(TeamView::id, Function.identity()));
        model.addAttribute("teams", all);
        model.addAttribute("teamsById", byId);
    }

    private void fieldError(Model model, InvalidInputException e) {
        model.addAttribute("errors", Map.of(e.field(), text("catalog.error." + e.field(), e.getMessage())));
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    /** The service form as posted: every field a string so no input can fail binding. */
    record ServiceForm(String name, String description, String ownerTeamId, String core, String tier,
            List<String> dependsOn) {

        static ServiceForm blank() {
            return new ServiceForm("", "", "", null, "2", List.of());
        }

        static ServiceForm of(ServiceView s) {
            return new ServiceForm(s.name(), s.description(), s.ownerTeamId() == null ? "" : s.ownerTeamId().toString(),
                    s.core() ? "on" : null, String.valueOf(s.tier()), s.dependsOn().stream().map(String::valueOf).toList());
        }

        /** Whether the id is among the chosen dependencies, for the template. */
        public boolean selected(Long id) {
            return id != null && dependsOn != null && dependsOn.contains(String.valueOf(id));
        }

        ServiceDefinition toDefinition() {
            List<Long> deps = new ArrayList<>();
            for (String d : dependsOn == null ? List.<String>of() : dependsOn) {
                deps.add(number(d, "dependsOn"));
            }
            Long owner = ownerTeamId == null || ownerTeamId.isBlank() ? null : number(ownerTeamId, "ownerTeamId");
            Long t = tier == null || tier.isBlank() ? null : number(tier, "tier");
            Integer tierValue = t == null || t > Integer.MAX_VALUE || t < Integer.MIN_VALUE ? null : t.intValue();
            if (t != null && tierValue == null) {
                throw new InvalidInputException("tier", "must be 1, 2, 3 or 4");
            }
            return new ServiceDefinition(name, description, owner, core != null, tierValue, deps);
        }

        private static long number(String value, String field) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "is not a number");
            }
        }
    }
}
