package io.firebreak.notification.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.UrlGuard;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * Validates and stores channel definitions (admin only, audited without secrets): the URL of a
 * chat or webhook channel must pass the {@link UrlGuard} when saved, and again at every send.
 */
@Component
class ChannelAdmin {

    private final ChannelRepository channels;
    private final UrlGuard guard;
    private final AuditManagement audit;
    private final Clock clock;

    ChannelAdmin(ChannelRepository channels, UrlGuard guard, AuditManagement audit, Clock clock) {
        this.channels = channels;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ChannelConfig create(ChannelRequest r, String actor) {
        ChannelConfig c = validate(0, r);
        if (channels.findByName(c.name()).isPresent()) {
            throw new ConflictException("A channel named " + c.name() + " already exists.");
        }
        long id = channels.insert(c, clock.instant());
        ChannelConfig created = channels.find(id).orElseThrow();
        audit.record(actor, "notification-channel", String.valueOf(id), "created", null, ChannelResponse.of(created));
        return created;
    }

    @Transactional
    ChannelConfig update(long id, ChannelRequest r, String actor) {
        ChannelConfig before = get(id);
        if (r != null && (r.target() == null || r.target().isBlank())) {
            // The URL is write-only like the secret: an empty field keeps the stored one.
            r = new ChannelRequest(r.name(), r.kind(), before.target(), r.mentions(), r.smtp(), r.secret(), r.locale(),
                    r.levels(), r.ackAs(), r.enabled(), r.customer());
        }
        ChannelConfig c = validate(id, r);
        channels.findByName(c.name()).filter(o -> o.id() != id).ifPresent(o -> {
            throw new ConflictException("A channel named " + c.name() + " already exists.");
        });
        channels.update(c);
        ChannelConfig after = get(id);
        audit.record(actor, "notification-channel", String.valueOf(id), "updated", ChannelResponse.of(before),
                ChannelResponse.of(after));
        return after;
    }

    /** Enables or disables a channel, keeping everything else (audited). */
    @Transactional
    ChannelConfig setEnabled(long id, boolean enabled, String actor) {
        ChannelConfig before = get(id);
        channels.update(new ChannelConfig(before.id(), before.name(), before.kind(), before.target(),
                before.mentions(), before.smtp(), null, before.locale(), before.levels(), before.ackAs(), enabled,
                before.customer()));
        ChannelConfig after = get(id);
        audit.record(actor, "notification-channel", String.valueOf(id), enabled ? "enabled" : "disabled",
                ChannelResponse.of(before), ChannelResponse.of(after));
        return after;
    }

    @Transactional
    void delete(long id, String actor) {
        ChannelConfig before = get(id);
        channels.delete(id);
        audit.record(actor, "notification-channel", String.valueOf(id), "deleted", ChannelResponse.of(before), null);
    }

    ChannelConfig get(long id) {
        return channels.find(id).orElseThrow(() -> new NotFoundException("No channel with id " + id));
    }

    @Transactional
    void allow(String entry, String actor) {
        if (!guardValid(entry)) {
            throw new InvalidInputException("entry", "must be a host name, an IP address or a CIDR range");
        }
        channels.addAllowEntry(entry.strip());
        audit.record(actor, "notification-allow-list", entry.strip(), "added", null, entry.strip());
    }

    @Transactional
    void disallow(String entry, String actor) {
        channels.removeAllowEntry(entry);
        audit.record(actor, "notification-allow-list", entry, "removed", entry, null);
    }

    private static boolean guardValid(String entry) {
        return entry != null && entry.strip().matches("[A-Za-z0-9.:\\-]+(/\\d{1,3})?") && entry.length() <= 200;
    }

    private ChannelConfig validate(long id, ChannelRequest r) {
        if (r == null) {
            throw new InvalidInputException("body", "is required");
        }
        String name = required("name", r.name(), 100);
        ChannelKind kind;
        try {
            kind = ChannelKind.valueOf(required("kind", r.kind(), 16).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be one of EMAIL, SLACK, DINGTALK, WECOM, FEISHU, WEBHOOK");
        }
        String target = required("target", r.target(), 2000);
        ChannelConfig.SmtpSettings smtp = null;
        if (kind == ChannelKind.EMAIL) {
            for (String address : target.split("\\s*,\\s*")) {
                if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new InvalidInputException("target", "must be comma-separated email addresses");
                }
            }
            var s = r.smtp();
            if (s == null) {
                throw new InvalidInputException("smtp", "is required for an email channel");
            }
            String host = required("smtp.host", s.host(), 200);
            int port = s.port() == null ? 587 : s.port();
            if (port < 1 || port > 65535) {
                throw new InvalidInputException("smtp.port", "must be between 1 and 65535");
            }
            String from = required("smtp.from", s.from(), 200);
            smtp = new ChannelConfig.SmtpSettings(host, port, s.tls() == null || s.tls(),
                    s.username() == null || s.username().isBlank() ? null : s.username().strip(), from);
        } else {
            try {
                guard.checkForSave(target);
            } catch (UrlGuard.RefusedUrlException e) {
                throw new InvalidInputException("target", e.getMessage());
            }
        }
        List<String> mentions = r.mentions() == null ? List.of()
                : r.mentions().stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
        for (String m : mentions) {
            if (!m.matches("[+0-9A-Za-z@._\\-]{1,64}")) {
                throw new InvalidInputException("mentions", "contains an invalid entry");
            }
        }
        List<String> levels = r.levels() == null ? List.of()
                : r.levels().stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
        String locale = r.locale() == null || r.locale().isBlank() ? "zh-CN"
                : r.locale().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh-CN";
        String secret = r.secret() == null || r.secret().isEmpty() ? null : r.secret();
        if (secret != null && secret.length() > 1000) {
            throw new InvalidInputException("secret", "is too long");
        }
        String ackAs = r.ackAs() == null || r.ackAs().isBlank() ? null : r.ackAs().strip();
        return new ChannelConfig(id, name, kind, target.strip(), mentions, smtp, secret, locale, levels, ackAs,
                r.enabled() == null || r.enabled(),
                r.customer() != null && r.customer());
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }
}
