package io.firebreak.alert.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.firebreak.alert.AlertLink;

/**
 * One parsed notification about one alert, handed to the {@link AlertWriter}. {@code expiresAt} is
 * the Alertmanager API v2 expiry ({@code endsAt} in the future); for {@link Action#EXPIRE} it is
 * the instant the writer checks the stored expiry against.
 */
public record AlertCommand(long integrationId, String fingerprint, Action action, String groupKey, String title,
        String description, String severity, String levelCode, Long serviceId, Map<String, String> labels,
        Map<String, String> annotations, List<AlertLink> links, Instant startsAt, Instant endsAt, Instant expiresAt,
        String payload) {

    /** What the notification says about the alert. */
    public enum Action {
        FIRE, RESOLVE, ACKNOWLEDGE, EXPIRE
    }

    public static AlertCommand expire(long integrationId, String fingerprint, Instant now) {
        return new AlertCommand(integrationId, fingerprint, Action.EXPIRE, null, null, null, null, null, null, null,
                null, null, null, null, now, null);
    }

    String key() {
        return integrationId + "\u0000" + fingerprint;
    }
}
