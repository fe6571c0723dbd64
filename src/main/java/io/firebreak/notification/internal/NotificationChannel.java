package io.firebreak.notification.internal;

import io.firebreak.notification.ChannelKind;

/**
 * One way of delivering a message (email, Slack, …). Implementations never throw for a provider
 * problem: they report it as a {@link DeliveryResult}; they are looked up by {@link #kind()}.
 */
public interface NotificationChannel {

    ChannelKind kind();

    /** Sends once, with bounded connect and read timeouts. */
    DeliveryResult send(ChannelConfig channel, OutboundMessage message);
}
