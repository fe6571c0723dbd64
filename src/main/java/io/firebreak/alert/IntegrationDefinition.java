package io.firebreak.alert;

import java.util.Map;

/**
 * What an admin sets on an integration. {@code severityMapping} null means the defaults
 * ({@link IntegrationDefaults#SEVERITY_MAPPING}); {@code grouping} null means
 * {@link GroupingPolicy#defaults()}; {@code signingSecret} null keeps the current one on update,
 * an empty string removes it.
 */
public record IntegrationDefinition(String name, AlertSource type, Long serviceId, String serviceLabel,
        Map<String, String> severityMapping, String defaultLevel, GroupingPolicy grouping, Boolean enabled,
        String signingSecret) {
}
