package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/** The short form of an incident for lists and the dashboard. */
public record IncidentSummary(long id, String number, String title, IncidentStatus status, String levelCode,
        String levelName, int levelRank, List<ServiceRef> services, List<ClockView> clocks, String commander,
        Instant detectedAt, Instant updatedAt) {
}
