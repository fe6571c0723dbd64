package io.firebreak.incident;

import java.time.Instant;

/**
 * An alert attached to an incident resolved; {@code firingAlerts} counts those still firing.
 * {@code autoResolve} says whether the incident is being moved to RESOLVED because none is left.
 */
public record IncidentAlertResolved(long incidentId, String number, String actor, Instant at, long alertId,
        String alertTitle, int firingAlerts, int totalAlerts, boolean autoResolve) implements IncidentEvent {
}
