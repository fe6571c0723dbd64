package io.firebreak.incident;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as linked to an incident: its id in the alert module, title and labels when it was
 * last attached, whether it is still firing for this incident, how it was attached, when, and how
 * many FIRED transitions attached it.
 */
public record IncidentAlertView(long alertId, long integrationId, String title, Map<String, String> labels,
        boolean firing, AlertAttachment how, Instant attachedAt, Instant lastFiredAt, Instant resolvedAt,
        int fireCount) {
}
