package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.PageRequest;
import io.firebreak.shared.InvalidInputException;

/**
 * Pages one person about an incident through their personal rules: one PAGE outbox row per rule,
 * due after the rule's delay, each with an acknowledge link that acknowledges as the paged person.
 * The dedup key is the primary key of notification_page, claimed with {@code ON CONFLICT DO
 * NOTHING} so a concurrent or repeated request neither pages twice nor breaks the caller's
 * transaction; the repeat gets the ids queued the first time. A rule that cannot reach the person
 * (no email address, no email channel, a channel disabled or removed) leaves a FAILED ledger entry
 * saying why instead of a message.
 */
@Component
public class PersonalPages {

    static final int KEY_MAX = 200;
    static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final UserManagement users;
    private final NotificationRules rules;
    private final PersonalRouting routing;
    private final Outbox outbox;
    private final Clock clock;

    PersonalPages(JdbcClient jdbc, IncidentManagement incidents, UserManagement users, NotificationRules rules,
            PersonalRouting routing, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.users = users;
        this.rules = rules;
        this.routing = routing;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues the page (see {@code PagingManagement.page}); returns the queued message ids. */
    @Transactional
    public List<Long> page(PageRequest request) {
        String key = check(request);
        IncidentView incident = incidents.get(String.valueOf(request.incidentId()));
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                INSERT INTO notification_page (dedup_key, incident_id, user_id, message_ids, created_by, created_at)
                VALUES (:key, :incident, :user, '', :by, :at) ON CONFLICT DO NOTHING""")
                .param("key", key).param("incident", incident.id()).param("user", request.userId())
                .param("by", actor(request)).param("at", now.atOffset(ZoneOffset.UTC)).update();
        if (claimed == 0) {
            return firstIds(key);
        }
        List<Long> ids = new ArrayList<>();
        UserView person = users.findById(request.userId()).orElse(null);
        if (person == null || !person.enabled()) {
            outbox.unreachable(TemplateKind.PAGE, "Page", incident, ChannelKind.EMAIL, 0, "user #" + request.userId(),
                    "not paged: " + (person == null ? "no such person" : "the person's account is disabled"),
                    actor(request));
        } else {
            Map<String, Object> extra = Map.of("reason", request.reason() == null ? "" : request.reason().strip(),
                    "paged", person.displayName() + " (" + person.username() + ")");
            for (NotificationRule rule : rules.effective(person.id())) {
                Instant due = now.plus(Duration.ofMinutes(rule.delayMinutes()));
                routing.toIncidentPerson(TemplateKind.PAGE, "Page", incident, person, rule, extra, true, due,
                        actor(request)).ifPresent(ids::add);
            }
        }
        jdbc.sql("UPDATE notification_page SET message_ids = :ids WHERE dedup_key = :key")
                .param("ids", String.join(",", ids.stream().map(String::valueOf).toList())).param("key", key)
                .update();
        return List.copyOf(ids);
    }

    private List<Long> firstIds(String key) {
        String ids = jdbc.sql("SELECT message_ids FROM notification_page WHERE dedup_key = :key").param("key", key)
                .query(String.class).single();
        return Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }

    private static String check(PageRequest request) {
        if (request == null || request.dedupKey() == null || request.dedupKey().isBlank()) {
            throw new InvalidInputException("dedupKey", "is required");
        }
        if (request.dedupKey().length() > KEY_MAX) {
            throw new InvalidInputException("dedupKey", "must be at most " + KEY_MAX + " characters");
        }
        if (request.reason() != null && request.reason().length() > REASON_MAX) {
            throw new InvalidInputException("reason", "must be at most " + REASON_MAX + " characters");
        }
        return request.dedupKey().strip();
    }

    private static String actor(PageRequest request) {
        return request.actor() == null || request.actor().isBlank() ? "system" : request.actor();
    }
}
