package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.notification.ChannelKind;
import io.firebreak.oncall.ShiftHandedOff;

/**
 * Tells the incoming person that their on-call shift started (template SHIFT_STARTED, no
 * acknowledge link), after the hand-off commits, through the immediate methods of their personal
 * rules (delay 0; with none, their first rule; with no rules, email). Once per (schedule, instant,
 * person): the key is the primary key of notification_notice, so a republished event (a restart
 * before completion) or a second instance sends nothing more.
 */
@Component
class ShiftNotices {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final NotificationRules rules;
    private final PersonalRouting routing;
    private final Outbox outbox;
    private final Clock clock;

    ShiftNotices(JdbcClient jdbc, UserManagement users, NotificationRules rules, PersonalRouting routing,
            Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.rules = rules;
        this.routing = routing;
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ShiftHandedOff event) {
        String key = "shift:" + event.scheduleId() + ":" + event.at().getEpochSecond() + ":" + event.toUserId();
        int first = jdbc.sql("INSERT INTO notification_notice (notice_key, created_at) VALUES (:k, :at) "
                + "ON CONFLICT DO NOTHING").param("k", key).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (first == 0) {
            return;
        }
        UserView person = users.findById(event.toUserId()).orElse(null);
        if (person == null || !person.enabled()) {
            outbox.unreachable(TemplateKind.SHIFT_STARTED, "ShiftHandedOff", null, ChannelKind.EMAIL, 0,
                    "user #" + event.toUserId(), "not sent: " + (person == null ? "no such person"
                            : "the person's account is disabled"), "oncall");
            return;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("person", person.displayName() + " (" + person.username() + ")");
        vars.put("schedule", event.scheduleName());
        vars.put("scheduleId", event.scheduleId());
        vars.put("from", Outbox.format(event.at()));
        vars.put("until", Outbox.format(event.until()));
        vars.put("previous", event.fromUserId() == null ? "—" : users.findById(event.fromUserId())
                .map(u -> u.displayName() + " (" + u.username() + ")").orElse("—"));
        for (NotificationRule rule : immediate(rules.effective(person.id()))) {
            routing.noticeToPerson(TemplateKind.SHIFT_STARTED, "ShiftHandedOff", person, rule, vars, "oncall");
        }
    }

    private static List<NotificationRule> immediate(List<NotificationRule> all) {
        List<NotificationRule> now = all.stream().filter(r -> r.delayMinutes() == 0).toList();
        return now.isEmpty() ? List.of(all.get(0)) : now;
    }
}
