package io.firebreak.incident.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertView;
import io.firebreak.incident.IncidentAlertView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.shared.NotFoundException;

/**
 * The alerts panel of the incident page ({@code GET /incidents/{ref}/alerts}): every alert grouped
 * into the incident with its state here, labels, first and last seen and fire count, read from
 * the alert module when it answers (the copy grouping kept otherwise).
 */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class IncidentAlertsController {

    private static final Logger log = LoggerFactory.getLogger(IncidentAlertsController.class);

    private final IncidentManagement incidents;
    private final AlertManagement alerts;

    IncidentAlertsController(IncidentManagement incidents, AlertManagement alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    /** One row of the panel. {@code firing} is the alert's state on this incident. */
    record Row(long id, String title, boolean firing, Map<String, String> labels, Instant firstSeen, Instant lastSeen,
            long fireCount, String how, String suppression) {
    }

    @GetMapping("/incidents/{ref}/alerts")
    String panel(@PathVariable String ref, Model model) {
        List<IncidentAlertView> links = incidents.alertsOf(ref);
        Map<Long, AlertView> current = current(links);
        List<Row> rows = links.stream().map(l -> {
            AlertView a = current.get(l.alertId());
            return a == null
                    ? new Row(l.alertId(), l.title(), l.firing(), new TreeMap<>(l.labels()), l.attachedAt(),
                            l.lastFiredAt(), l.fireCount(), l.how().name(), null)
                    : new Row(a.id(), a.title(), l.firing(), new TreeMap<>(a.labels() == null ? Map.of() : a.labels()),
                            a.firstSeenAt(), a.lastSeenAt(), a.fireCount(), l.how().name(),
                            a.suppression() == null ? null : a.suppression().name());
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("firing", rows.stream().filter(Row::firing).count());
        return "incident/alerts :: panel";
    }

    private Map<Long, AlertView> current(List<IncidentAlertView> links) {
        if (links.isEmpty()) {
            return Map.of();
        }
        try {
            return alerts.getAll(links.stream().map(IncidentAlertView::alertId).toList()).stream()
                    .collect(Collectors.toMap(AlertView::id, Function.identity(), (a, b) -> a));
        } catch (RuntimeException e) {
            // The panel still lists what grouping recorded when the alert module cannot answer.
            log.debug("Alert details unavailable for the incident alerts panel", e);
            return Map.of();
        }
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        return "error";
    }
}
