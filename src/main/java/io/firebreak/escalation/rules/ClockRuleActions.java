package io.firebreak.escalation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.firebreak.escalation.ClockRuleAction;
import io.firebreak.escalation.ClockRuleFired;
import io.firebreak.escalation.ClockRuleView;
import io.firebreak.escalation.EscalationManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.ClockView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.notification.IncidentNotices;
import io.firebreak.notification.PageRequest;
import io.firebreak.notification.PagingManagement;
import io.firebreak.severity.SeverityLevelView;
import io.firebreak.severity.SeverityManagement;

/**
 * Carries out a firing's actions inside the firing transaction and publishes one
 * {@link ClockRuleFired} per action (its timeline entry commits with it). Pages are idempotent by
 * their dedup key {@code rule:<rule>:<incident>:<period>:<user>}; an at-risk target is told to the
 * level's audience through the notification module's "clock at risk" message.
 */
@Component
class ClockRuleActions {

    static final String ACTOR = "system";
    /** The team that "management" means when it exists; otherwise every admin is paged. */
    static final String MANAGEMENT_TEAM = "management";

    private final EscalationManagement escalation;
    private final PagingManagement paging;
    private final IncidentNotices notices;
    private final IncidentManagement incidents;
    private final SeverityManagement severity;
    private final UserManagement users;
    private final TeamManagement teams;
    private final ApplicationEventPublisher events;

    ClockRuleActions(EscalationManagement escalation, PagingManagement paging, IncidentNotices notices,
            IncidentManagement incidents, SeverityManagement severity, UserManagement users, TeamManagement teams,
            ApplicationEventPublisher events) {
        this.escalation = escalation;
        this.paging = paging;
        this.notices = notices;
        this.incidents = incidents;
        this.severity = severity;
        this.users = users;
        this.teams = teams;
        this.events = events;
    }

    /** Runs every action of the rule for this firing. */
    void run(ClockRuleView rule, IncidentView incident, ClockRuleSchedule.Firing firing, Instant now) {
        for (ClockRuleAction action : rule.actions()) {
            String detail = switch (action) {
                case PAGE_NEXT_STEP -> nextStep(incident);
                case PAGE_AUDIENCE -> names(page(rule, incident, firing, audience(rule), rule.nameEn()));
                case RAISE_LEVEL -> raise(rule, incident);
                case REMIND_COMMS_LEAD -> roleHolder(rule, incident, firing, IncidentRole.COMMS_LEAD,
                        "Status update due: " + rule.nameEn());
                case NOTIFY_COMMANDER -> roleHolder(rule, incident, firing, IncidentRole.COMMANDER, rule.nameEn());
                case MARK_AT_RISK -> atRisk(incident, firing);
            };
            events.publishEvent(new ClockRuleFired(incident.id(), incident.number(), rule.id(), rule.nameEn(),
                    action.name(), detail, ACTOR, now));
        }
    }

    private String nextStep(IncidentView incident) {
        int step = escalation.escalateNow(incident.number(), ACTOR);
        return step > 0 ? "step " + step : "no escalation step left";
    }

    /** Tells the level's audience (notification module) that the firing's target is at risk. */
    private String atRisk(IncidentView incident, ClockRuleSchedule.Firing firing) {
        Instant dueAt = incident.clocks().stream().filter(c -> c.kind() == firing.clock()).map(ClockView::dueAt)
                .findFirst().orElseThrow();
        notices.clockAtRisk(incident.id(), firing.clock().name(), dueAt, ACTOR);
        return firing.clock() + " target due " + dueAt + "; the level's audience was notified";
    }

    /** Raises, never lowers: a target at or below the current level changes nothing. */
    private String raise(ClockRuleView rule, IncidentView incident) {
        Optional<SeverityLevelView> target = severity.findLevel(incident.schemeCode(), rule.raiseTo());
        if (target.isEmpty()) {
            return "no level " + rule.raiseTo() + " in scheme " + incident.schemeCode();
        }
        if (target.get().rank() >= incident.levelRank()) {
            return "already " + incident.levelCode();
        }
        incidents.changeSeverity(incident.number(), ACTOR, rule.raiseTo(), "Clock rule: " + rule.nameEn(), null);
        return incident.levelCode() + " → " + rule.raiseTo();
    }

    /** Pages the holder of the role; nobody holds it: the rule's audience, or says that nobody was there. */
    private String roleHolder(ClockRuleView rule, IncidentView incident, ClockRuleSchedule.Firing firing,
            IncidentRole role, String reason) {
        Optional<RoleAssignment> holder = incident.roles().stream().filter(r -> r.role() == role).findFirst();
        if (holder.isPresent()) {
            return names(page(rule, incident, firing, List.of(holder.get().userId()), reason));
        }
        List<UserView> fallback = page(rule, incident, firing, audience(rule), reason);
        String nobody = "nobody holds " + role;
        return fallback.isEmpty() ? nobody : nobody + "; paged " + names(fallback);
    }

    private List<UserView> page(ClockRuleView rule, IncidentView incident, ClockRuleSchedule.Firing firing,
            List<Long> userIds, String reason) {
        List<UserView> paged = new ArrayList<>();
        for (long userId : userIds) {
            Optional<UserView> user = users.findById(userId).filter(UserView::enabled);
            if (user.isEmpty()) {
                continue;
            }
            String key = "rule:" + rule.id() + ":" + incident.id() + ":" + firing.period() + ":" + userId;
            paging.page(new PageRequest(incident.id(), userId, reason, key, ACTOR));
            paged.add(user.get());
        }
        return paged;
    }

    /** The rule's people, its teams' members and management, each once. */
    List<Long> audience(ClockRuleView rule) {
        Set<Long> ids = new LinkedHashSet<>(rule.audienceUsers());
        rule.audienceTeams().forEach(t -> teams.find(t).ifPresent(team -> ids.addAll(team.memberIds())));
        if (rule.audienceManagement()) {
            ids.addAll(teams.list().stream().filter(t -> t.name().strip().toLowerCase(Locale.ROOT)
                    .equals(MANAGEMENT_TEAM)).findFirst().map(t -> t.memberIds())
                    .orElseGet(() -> users.list().stream().filter(u -> u.role() == Role.ADMIN).map(UserView::id)
                            .toList()));
        }
        return List.copyOf(ids);
    }

    private static String names(List<UserView> people) {
        return people.isEmpty() ? "nobody to page"
                : String.join(", ", people.stream().map(UserView::username).toList());
    }
}
