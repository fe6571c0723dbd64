package io.firebreak.notification.internal;

import java.time.Instant;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageStatus;

/** One row of the outbox / ledger ({@code bodyHtml}: the HTML part of an email, or null). */
public record StoredMessage(long id, Long incidentId, String incidentNumber, String event, String template,
        String locale, long channelId, ChannelKind channelKind, String destination, String subject, String body,
        String linkUrl, String ackUrl, MessageStatus status, String reason, int attempts, String idempotencyKey,
        Instant nextAttemptAt, Integer lastStatus, String lastResponse, String lastError, Long bundleId,
        String createdBy, Instant createdAt, Instant sentAt, String payloadJson, String bodyHtml) {
}
