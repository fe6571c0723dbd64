package io.firebreak.notification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who one message reaches beyond its channel's settings: {@code recipients} replaces an email
 * channel's addresses (comma-separated), {@code mentions} adds @-mentions (comma-separated); null = none.
 */
public record MessageRoute(String recipients, String mentions) {

    /** The channel as this message must be sent through it. */
    public ChannelConfig apply(ChannelConfig c) {
        String target = recipients == null || recipients.isBlank() ? c.target() : recipients;
        List<String> all = new ArrayList<>(c.mentions());
        if (mentions != null && !mentions.isBlank()) {
            all.addAll(Arrays.stream(mentions.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList());
        }
        return new ChannelConfig(c.id(), c.name(), c.kind(), target, List.copyOf(new LinkedHashSet<>(all)), c.smtp(),
                c.secret(), c.locale(), c.levels(), c.ackAs(), c.enabled(), c.customer());
    }
}
