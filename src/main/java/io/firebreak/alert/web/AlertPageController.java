package io.firebreak.alert.web;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.alert.AlertFilter;
import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.IntegrationDefinition;
import io.firebreak.alert.IssuedIntegration;
import io.firebreak.alert.LabelMatcher;
import io.firebreak.alert.MaintenanceWindowDefinition;
import io.firebreak.alert.MatchOp;
import io.firebreak.alert.SilenceDefinition;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceView;
import io.firebreak.identity.UserManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PageRequest;

/**
 * The alert pages: {@code /alerts} (viewers), {@code /integrations} (admins), {@code /silences}
 * (viewers read, responders create and expire) and {@code /maintenance} (viewers read, admins plan
 * windows, commanders switch global maintenance), plus the recent-changes fragment for incident pages.
 */
@Controller
class AlertPageController {

    private final AlertManagement alerts;
    private final CatalogManagement catalog;
    private final UserManagement users;
    private final MessageSource messages;
    private final java.time.Clock clock;

    AlertPageController(AlertManagement alerts, CatalogManagement catalog, UserManagement users,
            MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.alerts = alerts;
        this.catalog = catalog;
        this.users = users;
        this.messages = messages;
    }

    // ---- alerts

    @GetMapping("/alerts")
    @PreAuthorize("hasRole('VIEWER')")
    String alerts(@RequestParam(defaultValue = "firing") String tab, @RequestParam(required = false) String label,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (label != null && !label.isBlank()) {
            for (String part : label.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    labels.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        AlertFilter filter = switch (tab) {
            case "resolved" -> new AlertFilter(AlertStatus.RESOLVED, null, null, null, labels, q);
            case "silenced" -> new AlertFilter(null, true, null, null, labels, q);
            default -> new AlertFilter(AlertStatus.FIRING, false, null, null, labels, q);
        };
        model.addAttribute("tab", List.of("firing", "resolved", "silenced").contains(tab) ? tab : "firing");
        model.addAttribute("label", label);
        model.addAttribute("q", q);
        model.addAttribute("result", alerts.search(filter, new PageRequest(Math.max(0, page), 50)));
        model.addAttribute("servicesById", servicesById());
        return "alert/alerts";
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    String alert(@PathVariable long id, Model model) {
        model.addAttribute("alert", alerts.get(id));
        model.addAttribute("payload", alerts.payload(id).orElse(null));
        model.addAttribute("servicesById", servicesById());
        return "alert/alert";
    }

    /** Fragment for the incident page: change events of the service in the last {@code hours} hours. */
    @GetMapping("/alerts/changes")
    @PreAuthorize("hasRole('VIEWER')")
    String changes(@RequestParam(required = false) Long service, @RequestParam(defaultValue = "24") int hours,
            Model model) {
        int h = Math.max(1, Math.min(hours, 24 * 30));
        model.addAttribute("changes", alerts.recentChanges(service, clock.instant().minus(Duration.ofHours(h))));
        model.addAttribute("hours", h);
        return "alert/changes :: changes";
    }

    // ---- integrations

    @GetMapping("/integrations")
    @PreAuthorize("hasRole('ADMIN')")
    String integrations(Model model) {
        model.addAttribute("integrations", alerts.integrations());
        model.addAttribute("services", catalog.list());
        model.addAttribute("servicesById", servicesById());
        model.addAttribute("types", List.of(AlertSource.ALERTMANAGER, AlertSource.PROMETHEUS, AlertSource.GRAFANA,
                AlertSource.PAGERDUTY, AlertSource.GENERIC));
        return "alert/integrations";
    }

    @PostMapping("/integrations")
    @PreAuthorize("hasRole('ADMIN')")
    String createIntegration(@RequestParam(required = false) String name,
            @RequestParam(required = false) AlertSource type, @RequestParam(required = false) Long serviceId,
            @RequestParam(required = false) String serviceLabel, @RequestParam(required = false) String defaultLevel,
            @RequestParam(required = false) String signingSecret, Principal principal, Model model) {
        try {
            IssuedIntegration issued = alerts.createIntegration(new IntegrationDefinition(name, type, serviceId,
                    serviceLabel, null, blankToNull(defaultLevel), null, true, blankToNull(signingSecret)),
                    principal.getName());
            return issuedPage(issued, model);
        } catch (InvalidInputException e) {
            model.addAttribute("formError", invalid(e));
            return integrations(model);
        }
    }

    @PostMapping("/integrations/{id}/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    String rotate(@PathVariable long id, Principal principal, Model model) {
        return issuedPage(alerts.rotateKey(id, principal.getName()), model);
    }

    @PostMapping("/integrations/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        alerts.revokeIntegration(id, principal.getName());
        redirect.addFlashAttribute("notice", text("alert.integrations.revoked"));
        return "redirect:/integrations";
    }

    private String issuedPage(IssuedIntegration issued, Model model) {
        URI base = URI.create(IngestionUrls.base());
        model.addAttribute("issued", issued);
        model.addAttribute("urls", IngestionUrls.of(issued.key()));
        model.addAttribute("base", IngestionUrls.base());
        model.addAttribute("scheme", base.getScheme());
        model.addAttribute("hostPort", base.getAuthority());
        model.addAttribute("pathPrefix", base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath());
        return "alert/issued";
    }

    // ---- silences

    @GetMapping("/silences")
    @PreAuthorize("hasRole('VIEWER')")
    String silences(Model model) {
        model.addAttribute("silences", alerts.silences(true));
        model.addAttribute("ops", MatchOp.values());
        return "alert/silences";
    }

    /** Matchers come one per line as {@code name op value}, e.g. {@code alertname =~ Disk.*}. */
    @PostMapping("/silences")
    @PreAuthorize("hasRole('RESPONDER')")
    String createSilence(@RequestParam(required = false) String matchers, @RequestParam(required = false) String endsAt,
            @RequestParam(required = false) String comment, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            alerts.createSilence(new SilenceDefinition(parseMatchers(matchers), null,
                    parseLocal(endsAt, principal, "endsAt"), comment), principal.getName());
            redirect.addFlashAttribute("notice", text("alert.saved"));
            return "redirect:/silences";
        } catch (InvalidInputException e) {
            model.addAttribute("formError", invalid(e));
            model.addAttribute("matchersText", matchers);
            model.addAttribute("comment", comment);
            return silences(model);
        }
    }

    @PostMapping("/silences/{id}/expire")
    @PreAuthorize("hasRole('RESPONDER')")
    String expireSilence(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        alerts.expireSilence(id, principal.getName());
        redirect.addFlashAttribute("notice", text("alert.saved"));
        return "redirect:/silences";
    }

    // ---- maintenance

    @GetMapping("/maintenance")
    @PreAuthorize("hasRole('VIEWER')")
    String maintenance(Model model) {
        model.addAttribute("windows", alerts.maintenanceWindows(true));
        model.addAttribute("now", clock.instant());
        model.addAttribute("global", alerts.globalMaintenance());
        model.addAttribute("history", alerts.globalMaintenanceHistory(20));
        model.addAttribute("services", catalog.list());
        model.addAttribute("servicesById", servicesById());
        return "alert/maintenance";
    }

    @PostMapping("/maintenance/windows")
    @PreAuthorize("hasRole('ADMIN')")
    String createWindow(@RequestParam(required = false) Long serviceId, @RequestParam(required = false) String startsAt,
            @RequestParam(required = false) String endsAt, @RequestParam(required = false) String reason,
            Principal principal, Model model, RedirectAttributes redirect) {
        try {
            alerts.createMaintenanceWindow(new MaintenanceWindowDefinition(serviceId,
                    startsAt == null || startsAt.isBlank() ? null : parseLocal(startsAt, principal, "startsAt"),
                    parseLocal(endsAt, principal, "endsAt"), reason), principal.getName());
            redirect.addFlashAttribute("notice", text("alert.saved"));
            return "redirect:/maintenance";
        } catch (InvalidInputException e) {
            model.addAttribute("formError", invalid(e));
            return maintenance(model);
        }
    }

    @PostMapping("/maintenance/windows/{id}/end")
    @PreAuthorize("hasRole('ADMIN')")
    String endWindow(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        alerts.endMaintenanceWindow(id, principal.getName());
        redirect.addFlashAttribute("notice", text("alert.saved"));
        return "redirect:/maintenance";
    }

    @PostMapping("/maintenance/global")
    @PreAuthorize("hasRole('COMMANDER')")
    String setGlobal(@RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String reason, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            alerts.setGlobalMaintenance(enabled, reason, principal.getName());
            redirect.addFlashAttribute("notice", text("alert.saved"));
            return "redirect:/maintenance";
        } catch (InvalidInputException e) {
            model.addAttribute("formError", invalid(e));
            return maintenance(model);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    // ---- helpers

    static List<LabelMatcher> parseMatchers(String text) {
        List<LabelMatcher> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty()) {
                continue;
            }
            var m = java.util.regex.Pattern.compile("^([^=!~\\s]+)\\s*(=~|!~|!=|=)\\s*\"?(.*?)\"?$").matcher(l);
            if (!m.matches()) {
                throw new InvalidInputException("matchers", "write one matcher per line: name op value");
            }
            result.add(new LabelMatcher(m.group(1), MatchOp.parse(m.group(2)), m.group(3)));
        }
        return result;
    }

    private Instant parseLocal(String value, Principal principal, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        ZoneId zone = users.findByUsername(principal.getName()).map(u -> u.timeZone()).orElse(ZoneId.of("UTC"));
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a date and time");
        }
    }

    private Map<Long, ServiceView> servicesById() {
        return catalog.list().stream().collect(Collectors.toMap(ServiceView::id, Function.identity()));
    }

    private String invalid(InvalidInputException e) {
        return messages.getMessage("alert.form.invalid", new Object[] { e.field(), e.getMessage() },
                LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
