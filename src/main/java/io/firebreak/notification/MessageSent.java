package io.firebreak.notification;

import java.time.Instant;

/**
 * A message about an incident was delivered (published in the transaction that records the
 * attempt). {@code channelKind} and {@code destination} say where it went, {@code template} which text.
 */
public record MessageSent(long messageId, long incidentId, String template, ChannelKind channelKind,
        String destination, int attempts, Instant at) {
}
