package io.firebreak.probe.web;

import java.security.Principal;
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
import io.firebreak.catalog.ServiceView;
import io.firebreak.probe.ProbeDefinition;
import io.firebreak.probe.ProbeManagement;
import io.firebreak.probe.ProbeView;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/** {@code /probes}: everyone sees health checks, their state and history; admins create, edit and delete them. */
@Controller
@RequestMapping("/probes")
class ProbePageController {

    private static final int HISTORY_SHOWN = 100;

    private final ProbeManagement probes;
    private final CatalogManagement catalog;
    private final SeverityManagement severity;
    private final MessageSource messages;

    ProbePageController(ProbeManagement probes, CatalogManagement catalog, SeverityManagement severity,
            MessageSource messages) {
        this.probes = probes;
        this.catalog = catalog;
        this.severity = severity;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        return listPage(model, ProbeForm.blank());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@ModelAttribute("form") ProbeForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            ProbeView created = probes.create(form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("common.saved", "Saved."));
            return "redirect:/probes/" + created.id();
        } catch (InvalidInputException e) {
            fieldError(model, e);
        }
        return listPage(model, form);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    String show(@PathVariable long id, Model model) {
        ProbeView probe = probes.get(id);
        return detailPage(model, probe, ProbeForm.of(probe));
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @ModelAttribute("form") ProbeForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        ProbeView probe = probes.get(id);
        try {
            probes.update(id, form.toDefinition(), principal.getName());
            redirect.addFlashAttribute("notice", text("common.saved", "Saved."));
            return "redirect:/probes/" + id;
        } catch (InvalidInputException e) {
            fieldError(model, e);
        }
        return detailPage(model, probe, form);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        probes.delete(id, principal.getName());
        redirect.addFlashAttribute("notice", text("probe.deleted", "Deleted."));
        return "redirect:/probes";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private String listPage(Model model, ProbeForm form) {
        model.addAttribute("probes", probes.list());
        model.addAttribute("form", form);
        addChoices(model);
        return "probe/probes";
    }

    private String detailPage(Model model, ProbeView probe, ProbeForm form) {
        model.addAttribute("probe", probe);
        model.addAttribute("history", probes.history(probe.id(), HISTORY_SHOWN));
        model.addAttribute("form", form);
        addChoices(model);
        return "probe/probe";
    }

    private void addChoices(Model model) {
        var services = catalog.list();
        Map<Long, ServiceView> byId = services.stream().collect(Collectors.toMap(ServiceView::id, Function.identity()));
        model.addAttribute("services", services);
        model.addAttribute("servicesById", byId);
        model.addAttribute("levels", severity.activeScheme(LocaleContextHolder.getLocale()).levels());
    }

    private void fieldError(Model model, InvalidInputException e) {
        model.addAttribute("errors", Map.of(e.field(), text("probe.error." + e.field(), e.getMessage())));
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    /** The health check form as posted: every field a string so no input can fail binding. */
    record ProbeForm(String name, String type, String serviceId, String levelCode, String url, String method,
            String expectedStatus, String bodyContains, String latencyLimitMs, String host, String port,
            String timeoutMs, String intervalSeconds, String failureThreshold, String successThreshold,
            String enabled) {

        static ProbeForm blank() {
            return new ProbeForm("", "HTTP", "", "", "", "GET", "2xx", "", "", "", "", "5000", "60", "3", "2", "on");
        }

        static ProbeForm of(ProbeView p) {
            return new ProbeForm(p.name(), p.type().name(), String.valueOf(p.serviceId()), p.levelCode(),
                    p.url(), p.method(), p.expectedStatus(), p.bodyContains(), str(p.latencyLimitMs()), p.host(),
                    str(p.port()), String.valueOf(p.timeoutMs()), String.valueOf(p.intervalSeconds()),
                    String.valueOf(p.failureThreshold()), String.valueOf(p.successThreshold()),
                    p.enabled() ? "on" : null);
        }

        ProbeDefinition toDefinition() {
            boolean tcp = "TCP".equalsIgnoreCase(type);
            Long service = serviceId == null || serviceId.isBlank() ? null : (long) number(serviceId, "serviceId");
            return new ProbeDefinition(name, type, service, levelCode, tcp ? null : url, tcp ? null : method,
                    tcp ? null : expectedStatus, tcp ? null : bodyContains,
                    tcp ? null : optional(latencyLimitMs, "latencyLimitMs"), tcp ? host : null,
                    tcp ? optional(port, "port") : null, optional(timeoutMs, "timeoutMs"),
                    optional(intervalSeconds, "intervalSeconds"), optional(failureThreshold, "failureThreshold"),
                    optional(successThreshold, "successThreshold"), enabled != null);
        }

        private static String str(Integer v) {
            return v == null ? "" : v.toString();
        }

        private static Integer optional(String value, String field) {
            return value == null || value.isBlank() ? null : number(value, field);
        }

        private static int number(String value, String field) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "is not a number");
            }
        }
    }
}
