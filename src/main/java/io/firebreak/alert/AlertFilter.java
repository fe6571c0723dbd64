package io.firebreak.alert;

import java.util.Map;

/** Criteria for listing alerts; all optional. {@code suppressed} true keeps only suppressed alerts. */
public record AlertFilter(AlertStatus status, Boolean suppressed, Long integrationId, Long serviceId,
        Map<String, String> labels, String text) {
}
