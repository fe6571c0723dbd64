package io.firebreak.alert;

import java.time.Instant;
import java.util.Map;

/**
 * An integration as other modules and the UI see it: never its key or secret. {@code serviceId}
 * is the target service (null: routed by {@code serviceLabel}, e.g. label "service" matched to a
 * service name); {@code severityMapping} maps a sender's severity value (label {@code severity},
 * PagerDuty {@code payload.severity}) to a level code; {@code defaultLevel} applies otherwise.
 */
public record IntegrationView(long id, String name, AlertSource type, Long serviceId, String serviceLabel,
        Map<String, String> severityMapping, String defaultLevel, GroupingPolicy grouping, boolean enabled,
        String keyPrefix, boolean hasSigningSecret, Instant createdAt, Instant revokedAt) {
}
