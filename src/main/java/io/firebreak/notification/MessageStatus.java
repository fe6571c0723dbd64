package io.firebreak.notification;

/**
 * Where an outgoing message stands: PENDING (due or waiting for a retry or a throttle window),
 * SENDING (claimed by a worker), SENT, FAILED (final), BUNDLED (folded into a summary message),
 * AWAITING_APPROVAL (a customer notice waiting for the commander or comms lead).
 */
public enum MessageStatus {
    PENDING, SENDING, SENT, FAILED, BUNDLED, AWAITING_APPROVAL
}
