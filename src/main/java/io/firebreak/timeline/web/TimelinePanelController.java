package io.firebreak.timeline.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.shared.NotFoundException;
import io.firebreak.timeline.TimelineManagement;

/**
 * {@code GET /incidents/{ref}/timeline}: the timeline panel as an HTML fragment for the incident
 * page (oldest entry first), in the viewer's language and time zone.
 */
@Controller
class TimelinePanelController {

    private final IncidentManagement incidents;
    private final TimelineManagement timeline;

    TimelinePanelController(IncidentManagement incidents, TimelineManagement timeline) {
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @GetMapping("/incidents/{ref}/timeline")
    @PreAuthorize("hasRole('VIEWER')")
    String panel(@PathVariable String ref, Model model) {
        long id;
        try {
            id = incidents.idOf(ref);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("incidentId", id);
        model.addAttribute("entries", timeline.entries(id));
        return "timeline/panel :: timeline";
    }
}
