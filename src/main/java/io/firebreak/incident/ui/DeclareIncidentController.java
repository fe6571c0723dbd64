package io.firebreak.incident.ui;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.severity.BusinessImpact;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;

/**
 * Declaring an incident: the form with the triage questionnaire (which asks the severity module
 * for a recommendation as it is answered) and its submission. A refused declaration shows the
 * form again with everything typed kept and the error next to its field.
 */
@Controller
@PreAuthorize("hasRole('RESPONDER')")
class DeclareIncidentController {

    private final IncidentManagement incidents;
    private final CatalogManagement catalog;
    private final SeverityManagement severity;
    private final Notices notices;

    DeclareIncidentController(IncidentManagement incidents, CatalogManagement catalog, SeverityManagement severity,
            Notices notices) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.severity = severity;
        this.notices = notices;
    }

    @GetMapping("/incidents/new")
    String form(Model model) {
        return render(new DeclareForm(), model);
    }

    @PostMapping("/incidents")
    String declare(@ModelAttribute("form") DeclareForm form, BindingResult binding, Principal principal, Model model) {
        if (binding.hasFieldErrors("serviceIds")) {
            return rejected(form, new InvalidInputException("serviceIds", "incidentui.error.choice"), model);
        }
        try {
            IncidentView declared = incidents.declare(form.toCommand(), principal.getName());
            return "redirect:/incidents/" + declared.number();
        } catch (InvalidInputException e) {
            return rejected(form, e, model);
        }
    }

    private String rejected(DeclareForm form, InvalidInputException e, Model model) {
        String field = e.field() == null ? "" : e.field().replaceFirst("^triage\\.", "");
        String message = e.getMessage() != null && e.getMessage().startsWith("incidentui.")
                ? notices.text(e.getMessage()) : e.getMessage();
        model.addAttribute("errorField", field);
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorLabel", notices.fieldLabel(field));
        return render(form, model);
    }

    private String render(DeclareForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("services", catalog.list());
        model.addAttribute("levels", severity.activeScheme().levels());
        model.addAttribute("impacts", BusinessImpact.values());
        return "incident/declare";
    }
}
