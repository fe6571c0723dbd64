package io.firebreak.notification.internal;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageStatus;

/**
 * A message about to be written to the outbox ({@code payloadJson}: the incident fields for
 * webhooks, or null; {@code bodyHtml}: the HTML part of an email, or null).
 */
public record NewMessage(Long incidentId, String incidentNumber, String event, String template, String locale,
        long channelId, ChannelKind channelKind, String destination, String subject, String body, String linkUrl,
        String ackUrl, MessageStatus status, String reason, String createdBy, String payloadJson, String bodyHtml) {

    public NewMessage(Long incidentId, String incidentNumber, String event, String template, String locale,
            long channelId, ChannelKind channelKind, String destination, String subject, String body, String linkUrl,
            String ackUrl, MessageStatus status, String reason, String createdBy, String payloadJson) {
        this(incidentId, incidentNumber, event, template, locale, channelId, channelKind, destination, subject, body,
                linkUrl, ackUrl, status, reason, createdBy, payloadJson, null);
    }
}
