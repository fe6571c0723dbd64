package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/**
 * Alerts were attached to an incident (or fired again while attached), in the order of
 * {@code alerts}; {@code actor} is the first alert's. One event for all the alerts of one grouping
 * pass, so listeners can record them together (the timeline writes its entries as one batch).
 */
public record IncidentAlertsAttached(long incidentId, String number, String actor, Instant at,
        List<Attachment> alerts) implements IncidentEvent {

    public IncidentAlertsAttached {
        alerts = List.copyOf(alerts);
    }

    /** One alert: who attached it, how, and the incident's {@code firingAlerts} and {@code totalAlerts} afterwards. */
    public record Attachment(String actor, long alertId, String alertTitle, AlertAttachment how, int firingAlerts,
            int totalAlerts) {
    }
}
