package io.firebreak.notification.web;

import java.util.List;

/**
 * Create or update a channel. {@code secret} is write-only: null or absent on update keeps the
 * stored one; {@code smtp} only for EMAIL ({@code target} then holds comma-separated recipients).
 */
public record ChannelRequest(String name, String kind, String target, List<String> mentions, SmtpRequest smtp,
        String secret, String locale, List<String> levels, String ackAs, Boolean enabled, Boolean customer) {

    /** SMTP server of an email channel; the password is the channel's secret. */
    public record SmtpRequest(String host, Integer port, Boolean tls, String username, String from) {
    }
}
