package io.firebreak.incident.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.shared.NotFoundException;

/**
 * {@code GET /incidents/{ref}/events}: a {@code text/event-stream} for an incident page (UI session);
 * an event named {@code change} (data: the new version) follows every committed change.
 */
@Controller
class IncidentEventsController {

    private final IncidentManagement incidents;
    private final LiveUpdates live;

    IncidentEventsController(IncidentManagement incidents, LiveUpdates live) {
        this.incidents = incidents;
        this.live = live;
    }

    @GetMapping(path = "/incidents/{ref}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('VIEWER')")
    SseEmitter events(@PathVariable String ref) {
        try {
            return live.open(incidents.idOf(ref));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
