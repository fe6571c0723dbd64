package io.firebreak.notification.internal;

import java.util.Map;

/**
 * A rendered message ready to go out: {@code text} in the channel's format, {@code linkUrl} back
 * to the incident, {@code ackUrl} a one-click acknowledge link (or null), {@code payload} the
 * event and incident fields for the generic webhook, {@code html} the email's HTML part rendered
 * from the HTML template (null: the email makes one by escaping the text).
 */
public record OutboundMessage(long id, String idempotencyKey, String event, String subject, String text,
        String linkUrl, String ackUrl, Map<String, Object> payload, String html) {

    public OutboundMessage(long id, String idempotencyKey, String event, String subject, String text,
            String linkUrl, String ackUrl, Map<String, Object> payload) {
        this(id, idempotencyKey, event, subject, text, linkUrl, ackUrl, payload, null);
    }
}
