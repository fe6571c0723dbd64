package io.firebreak.notification.web;

import java.util.List;

import io.firebreak.notification.internal.ChannelConfig;

/**
 * A channel as the API shows it: the secret only as {@code secretSet}, never its value; a webhook
 * URL (whose path or query often is the robot's key) only masked: scheme, host and the first path
 * segment, the rest replaced by "…".
 */
public record ChannelResponse(long id, String name, String kind, String target, List<String> mentions,
        ChannelConfig.SmtpSettings smtp, boolean secretSet, String locale, List<String> levels, String ackAs,
        boolean enabled, boolean customer) {

    static ChannelResponse of(ChannelConfig c) {
        return new ChannelResponse(c.id(), c.name(), c.kind().name(),
                c.kind() == io.firebreak.notification.ChannelKind.EMAIL ? c.target() : mask(c.target()), c.mentions(), c.smtp(),
                c.secret() != null && !c.secret().isEmpty(), c.locale(), c.levels(), c.ackAs(), c.enabled(), c.customer());
    }

    static String mask(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            int second = path.indexOf('/', 1);
            String head = second < 0 ? "" : path.substring(0, second);
            return u.getScheme() + "://" + u.getRawAuthority() + head + "/…";
        } catch (RuntimeException e) {
            return "…";
        }
    }
}
