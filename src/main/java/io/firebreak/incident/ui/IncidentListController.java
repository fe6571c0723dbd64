package io.firebreak.incident.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.incident.IncidentFilter;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.PageRequest;

/**
 * The searchable list of incidents. Filters arrive as query parameters so a filtered list can be
 * bookmarked and shared; dates are whole days in the viewer's time zone, both ends included.
 * A filter value that cannot be read is ignored and named in a notice rather than failing the page.
 */
@Controller
class IncidentListController {

    static final int PAGE_SIZE = 25;
    static final String OPEN = "OPEN";

    private final IncidentManagement incidents;
    private final CatalogManagement catalog;
    private final SeverityManagement severity;
    private final java.time.Clock clock;

    IncidentListController(IncidentManagement incidents, CatalogManagement catalog, SeverityManagement severity,
            java.time.Clock clock) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.severity = severity;
        this.clock = clock;
    }

    @GetMapping("/incidents")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String level,
            @RequestParam(defaultValue = "") String service, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") String page, Model model) {
        ZoneId zone = LocaleContextHolder.getTimeZone().toZoneId();
        Set<IncidentStatus> statuses = Set.of();
        boolean openOnly = OPEN.equals(status);
        if (!status.isBlank() && !openOnly) {
            try {
                statuses = Set.of(IncidentStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                status = "";
            }
        }
        Long serviceId = parseLong(service);
        LocalDate fromDate = parseDate(from);
        LocalDate toDate = parseDate(to);
        var filter = new IncidentFilter(statuses, level.isBlank() ? Set.of() : Set.of(level), serviceId,
                q.isBlank() ? null : q.strip(),
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant(), openOnly);
        Long pageNumber = parseLong(page);
        int pageIndex = pageNumber == null || pageNumber < 0 || pageNumber > 100_000 ? 0 : pageNumber.intValue();

        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("level", level);
        params.put("service", serviceId == null ? "" : serviceId.toString());
        params.put("q", q);
        params.put("from", fromDate == null ? "" : fromDate.toString());
        params.put("to", toDate == null ? "" : toDate.toString());

        model.addAttribute("params", params);
        model.addAttribute("result", incidents.search(filter, new PageRequest(pageIndex, PAGE_SIZE)));
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("levels", severity.activeScheme().levels());
        model.addAttribute("services", catalog.list());
        model.addAttribute("now", clock.instant());
        model.addAttribute("badFilter", (!from.isBlank() && fromDate == null) || (!to.isBlank() && toDate == null)
                || (!service.isBlank() && serviceId == null));
        return "incident/list";
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
