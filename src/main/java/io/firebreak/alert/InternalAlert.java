package io.firebreak.alert;

import java.util.Map;

/** An alert raised inside Firebreak (health checks): identity, text, state, labels and the service it concerns. */
public record InternalAlert(String fingerprint, String title, String description, AlertStatus status,
        Map<String, String> labels, Long serviceId, String levelCode) {
}
