package io.firebreak.notification.web;

import java.util.List;

import io.firebreak.notification.internal.ChannelConfig;

/** A channel as the API shows it: the secret only as {@code secretSet}, never its value. */
public record ChannelResponse(long id, String name, String kind, String target, List<String> mentions,
        ChannelConfig.SmtpSettings smtp, boolean secretSet, String locale, List<String> levels, String ackAs,
        boolean enabled, boolean customer) {

    static ChannelResponse of(ChannelConfig c) {
        return new ChannelResponse(c.id(), c.name(), c.kind().name(), c.target(), c.mentions(), c.smtp(),
                c.secret() != null && !c.secret().isEmpty(), c.locale(), c.levels(), c.ackAs(), c.enabled(), c.customer());
    }
}
