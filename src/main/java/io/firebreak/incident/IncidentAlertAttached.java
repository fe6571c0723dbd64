package io.firebreak.incident;

import java.time.Instant;

/**
 * An alert was attached to an incident (or fired again while attached); {@code firingAlerts} and
 * {@code totalAlerts} count the incident's alerts afterwards.
 */
public record IncidentAlertAttached(long incidentId, String number, String actor, Instant at, long alertId,
        String alertTitle, AlertAttachment how, int firingAlerts, int totalAlerts) implements IncidentEvent {

    /** One alert of {@link IncidentManagement#alertsAttached}: who attached it, how, and the counts afterwards. */
    public record Attachment(String actor, long alertId, String alertTitle, AlertAttachment how, int firingAlerts,
            int totalAlerts) {
    }
}
