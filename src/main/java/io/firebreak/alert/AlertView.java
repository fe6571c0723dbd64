package io.firebreak.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored alert. {@code fingerprint} is its identity within the integration (Alertmanager
 * fingerprint, PagerDuty dedup key, label-set hash…); {@code groupKey} is the sender's group when
 * it has one. {@code levelCode} and {@code serviceId} are the integration's mapping of the alert's
 * severity and labels (null when unmapped). {@code suppression} is null unless a silence, a
 * maintenance window or the global switch was active when it last fired. {@code fireCount} counts
 * every firing notification received, {@code lastSeenAt} the latest of any notification.
 */
public record AlertView(long id, long integrationId, String integrationName, AlertSource source,
        String fingerprint, String groupKey, String title, String description, AlertStatus status,
        String severity, String levelCode, Long serviceId, Map<String, String> labels,
        Map<String, String> annotations, List<AlertLink> links, Instant startsAt, Instant endsAt,
        Instant firstSeenAt, Instant lastSeenAt, Instant resolvedAt, long fireCount, Suppression suppression,
        boolean acknowledged) {
}
