package io.firebreak.incident.web;

import java.time.Instant;
import java.util.List;

import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentSummary;
import io.firebreak.incident.ServiceRef;

/** One row of an incident search, with clocks read at the time of the answer. */
record IncidentSummaryResponse(long id, String number, String title, IncidentStatus status, String levelCode,
        String levelName, int levelRank, List<ServiceRef> services, List<ClockResponse> clocks, String commander,
        Instant detectedAt, Instant updatedAt) {

    static IncidentSummaryResponse of(IncidentSummary s, Instant now) {
        return new IncidentSummaryResponse(s.id(), s.number(), s.title(), s.status(), s.levelCode(), s.levelName(),
                s.levelRank(), s.services(), s.clocks().stream().map(c -> ClockResponse.of(c, now)).toList(),
                s.commander(), s.detectedAt(), s.updatedAt());
    }
}
