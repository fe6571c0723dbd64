package io.firebreak.notification.internal;

import java.util.Map;

/**
 * A rendered message ready to go out: {@code text} in the channel's format, {@code linkUrl} back
 * to the incident, {@code ackUrl} a one-click acknowledge link (or null), {@code payload} the
 * event and incident fields for the generic webhook.
 */
public record OutboundMessage(long id, String idempotencyKey, String event, String subject, String text,
        String linkUrl, String ackUrl, Map<String, Object> payload) {
}
