package io.firebreak.notification;

import java.time.Instant;

/**
 * A message about an incident failed for good (after its last attempt, or a permanent error);
 * {@code error} is the last error or provider answer. Published in the recording transaction.
 */
public record MessageFailed(long messageId, long incidentId, String template, ChannelKind channelKind,
        String destination, int attempts, String error, Instant at) {
}
