package io.firebreak.notification.web;

import java.util.Arrays;
import java.util.List;

/**
 * The channel form of the pages (create and edit). Empty {@code target} or {@code secret} on edit
 * keep the stored ones (both are write-only); an unticked box is absent, hence false.
 */
record ChannelForm(String name, String kind, String target, String secret, String mentions, String levels,
        String locale, String ackAs, Boolean customer, String smtpHost, Integer smtpPort, Boolean smtpTls,
        String smtpUser, String smtpFrom) {

    ChannelRequest toRequest(boolean enabled) {
        ChannelRequest.SmtpRequest smtp = "EMAIL".equalsIgnoreCase(kind)
                ? new ChannelRequest.SmtpRequest(smtpHost, smtpPort, Boolean.TRUE.equals(smtpTls), smtpUser, smtpFrom)
                : null;
        return new ChannelRequest(name, kind, target, list(mentions), smtp, secret, locale, list(levels), ackAs,
                enabled, Boolean.TRUE.equals(customer));
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
