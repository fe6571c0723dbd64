package io.firebreak.notification;

/**
 * Where an outgoing message stands: PENDING (due or waiting for a retry or a throttle window),
 * SENDING (claimed by a worker), SENT, FAILED (final), BUNDLED (folded into a summary message),
 * AWAITING_APPROVAL (a customer notice waiting for the commander or comms lead), CANCELLED (a
 * page not yet sent when its incident was acknowledged, resolved or closed; the reason says which).
 */
public enum MessageStatus {
    PENDING, SENDING, SENT, FAILED, BUNDLED, AWAITING_APPROVAL, CANCELLED
}
