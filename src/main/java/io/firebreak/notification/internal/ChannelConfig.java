package io.firebreak.notification.internal;

import java.util.List;

import io.firebreak.notification.ChannelKind;

/**
 * One configured channel as the senders need it. {@code target} is the webhook URL, or for email
 * the comma-separated recipient addresses; {@code secret} the signing secret or SMTP password
 * (may be null); {@code mentions} mobiles (or addresses) to @-mention; {@code smtp} only for email;
 * {@code customer} marks a channel for customer notices, which hears nothing internal.
 */
public record ChannelConfig(long id, String name, ChannelKind kind, String target, List<String> mentions,
        SmtpSettings smtp, String secret, String locale, List<String> levels, String ackAs, boolean enabled,
        boolean customer) {

    /** SMTP server settings of an email channel (the password is the channel's secret). */
    public record SmtpSettings(String host, int port, boolean tls, String username, String from) {
    }
}
