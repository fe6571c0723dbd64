package io.firebreak.timeline.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.timeline.TimelineManagement;

/** {@code GET /api/v1/incidents/{ref}/timeline}: the incident's timeline, oldest first (VIEWER). */
@RestController
class TimelineApiController {

    private final IncidentManagement incidents;
    private final TimelineManagement timeline;

    TimelineApiController(IncidentManagement incidents, TimelineManagement timeline) {
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/incidents/{ref}/timeline")
    List<Entry> timeline(@PathVariable String ref) {
        return timeline.entries(incidents.idOf(ref)).stream()
                .map(e -> new Entry(e.at(), e.actor(), e.kind(), e.text(), e.detail()))
                .toList();
    }

    /** One entry: its text is in the caller's language (their profile's). */
    record Entry(Instant at, String actor, String kind, String text, String detail) {
    }
}
