package io.firebreak.incident.ui;

import java.security.Principal;
import java.time.Clock;
import java.util.Comparator;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.ActionOutcome;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.MitigationKind;
import io.firebreak.incident.NoteKind;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.NotFoundException;

/**
 * The incident page and its live panel. The panel is served on its own ({@code /panel}) so the
 * page can reload it when the incident's event stream says someone changed it. Everybody who may
 * read sees everything; the action forms are rendered for responders only.
 */
@Controller
class IncidentPageController {

    private final IncidentManagement incidents;
    private final UserManagement users;
    private final SeverityManagement severity;
    private final CatalogManagement catalog;
    private final Clock clock;

    IncidentPageController(IncidentManagement incidents, UserManagement users, SeverityManagement severity,
            CatalogManagement catalog, Clock clock) {
        this.incidents = incidents;
        this.users = users;
        this.severity = severity;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/incidents/{ref}")
    String page(@PathVariable String ref, Principal who, Model model) {
        fill(ref, who, model);
        return "incident/page";
    }

    @GetMapping("/incidents/{ref}/panel")
    String panel(@PathVariable String ref, Principal who, Model model) {
        fill(ref, who, model);
        return "incident/page :: panel";
    }

    private void fill(String ref, Principal who, Model model) {
        IncidentPageModel page = IncidentPageModel.of(incidents.get(ref));
        model.addAttribute("page", page);
        model.addAttribute("mayCloseUnverified", incidents.mayCloseUnverified(page.ref(), who.getName()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("users", users.list().stream().filter(UserView::enabled)
                .sorted(Comparator.comparing(u -> u.displayName().toLowerCase())).toList());
        model.addAttribute("levels", severity.activeScheme().levels());
        model.addAttribute("services", catalog.list());
        model.addAttribute("roleKinds", IncidentRole.values());
        model.addAttribute("mitigationKinds", MitigationKind.values());
        model.addAttribute("outcomes", ActionOutcome.values());
        model.addAttribute("causeCategories", RootCauseCategory.values());
        model.addAttribute("noteKinds", NoteKind.values());
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        return "error";
    }
}
