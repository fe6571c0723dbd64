package io.firebreak.timeline.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentAlertsAttached;
import io.firebreak.incident.IncidentAlertResolved;
import io.firebreak.incident.IncidentCauseUpdated;
import io.firebreak.incident.IncidentClockBreached;
import io.firebreak.incident.IncidentClosed;
import io.firebreak.incident.IncidentDeclared;
import io.firebreak.incident.IncidentDetailsUpdated;
import io.firebreak.incident.IncidentEvent;
import io.firebreak.incident.IncidentNoteAdded;
import io.firebreak.incident.IncidentReopened;
import io.firebreak.incident.IncidentRoleAssigned;
import io.firebreak.incident.IncidentRoleUnassigned;
import io.firebreak.incident.IncidentSeverityChanged;
import io.firebreak.incident.IncidentStageChanged;
import io.firebreak.incident.IncidentTicketLinked;
import io.firebreak.incident.MitigationActionRecorded;
import io.firebreak.incident.MitigationActionUpdated;
import io.firebreak.incident.VerificationChecked;
import io.firebreak.timeline.internal.StoredEntry.Arg;

/**
 * Writes the timeline entries of each incident event (one per event; one per alert of an
 * {@link IncidentAlertsAttached}), as one batch, synchronously and inside the publishing
 * transaction ("committed with the change"): if the entry cannot be written the change rolls back,
 * and a change that rolls back leaves no entry.
 */
@Component
class TimelineRecorder {

    private final TimelineRepository repository;

    TimelineRecorder(TimelineRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(IncidentEvent event) {
        repository.appendAll(entries(event).stream().map(e -> new TimelineRepository.NewEntry(event.incidentId(),
                event.at(), e.actor() != null ? e.actor() : event.actor(), e.kind(), e.key(), e.args(), e.detail()))
                .toList());
    }

    /** One entry of an event; a null {@code actor} is the event's own. */
    private record Entry(String actor, String kind, String key, List<Arg> args, String detail) {

        Entry(String kind, String key, List<Arg> args, String detail) {
            this(null, kind, key, args, detail);
        }
    }

    private static List<Entry> entries(IncidentEvent event) {
        return switch (event) {
            case IncidentDeclared d -> List.of(new Entry("DECLARED",
                    d.levelConfirmed() ? "timeline.declared.confirmed" : "timeline.declared",
                    List.of(Arg.text(d.levelCode()), Arg.text(d.title())), null));
            case IncidentStageChanged s -> List.of(new Entry("STATUS_CHANGED", "timeline.stage",
                    List.of(status(s.from().name()), status(s.to().name())), null));
            case IncidentSeverityChanged s -> List.of(severity(s));
            case IncidentRoleAssigned r -> List.of(r.previousUsername() == null
                    ? new Entry("ROLE_ASSIGNED", "timeline.role.assigned",
                            List.of(role(r.role().name()), Arg.text(r.username())), null)
                    : new Entry("ROLE_ASSIGNED", "timeline.role.replaced",
                            List.of(role(r.role().name()), Arg.text(r.username()), Arg.text(r.previousUsername())),
                            null));
            case IncidentRoleUnassigned r -> List.of(new Entry("ROLE_UNASSIGNED", "timeline.role.unassigned",
                    List.of(role(r.role().name()), Arg.text(r.username())), null));
            case IncidentNoteAdded n -> List.of(new Entry("NOTE_ADDED", "timeline.note." + n.kind().name(), List.of(),
                    n.body()));
            case MitigationActionRecorded a -> List.of(new Entry("ACTION_RECORDED", "timeline.action.recorded",
                    List.of(Arg.key("incident.mitigation." + a.kind().name()),
                            Arg.key("incident.outcome." + a.outcome().name())),
                    joinLines(a.description(), a.outcomeNote())));
            case MitigationActionUpdated a -> List.of(new Entry("ACTION_UPDATED", "timeline.action.updated",
                    List.of(Arg.key("incident.mitigation." + a.kind().name()),
                            Arg.key("incident.outcome." + a.outcome().name())),
                    joinLines(a.description(), a.outcomeNote())));
            case IncidentCauseUpdated c -> List.of(c.rootCauseCategory() == null
                    ? new Entry("CAUSE_UPDATED", "timeline.cause", List.of(), joinLines(c.directCause(), c.rootCause()))
                    : new Entry("CAUSE_UPDATED", "timeline.cause.category",
                            List.of(Arg.key("incident.rootCause." + c.rootCauseCategory().name())),
                            joinLines(c.directCause(), c.rootCause())));
            case IncidentTicketLinked t -> List.of(t.url() == null
                    ? new Entry("TICKET_LINKED", "timeline.ticket.removed", List.of(), null)
                    : new Entry("TICKET_LINKED", "timeline.ticket.linked", List.of(Arg.text(t.url())), null));
            case VerificationChecked v -> List.of(new Entry("VERIFICATION_CHECKED",
                    v.passed() ? "timeline.verification.passed" : "timeline.verification.failed",
                    List.of(Arg.key("incident.verification." + v.check().name())), v.note()));
            case IncidentReopened r -> List.of(new Entry("REOPENED", "timeline.reopened",
                    List.of(status(r.from().name())),
                    r.reason()));
            case IncidentClosed c -> List.of(new Entry("CLOSED",
                    c.falseAlarm() ? "timeline.closed.falseAlarm" : "timeline.closed",
                    List.of(status(c.from().name())), c.reason()));
            case IncidentClockBreached b -> List.of(new Entry("CLOCK_BREACHED", "timeline.clock.breached",
                    List.of(Arg.key("incident.clock." + b.clock().name()), Arg.time(b.dueAt()),
                            Arg.seconds(Math.max(0, Duration.between(b.dueAt(), b.at()).toSeconds()))),
                    null));
            case IncidentDetailsUpdated d -> List.of(new Entry("DETAILS_UPDATED", "timeline.details",
                    List.of(Arg.keys(d.fields().stream().map(f -> "timeline.field." + f).toList())), null));
            case IncidentAlertsAttached a -> a.alerts().stream().map(alert -> new Entry(alert.actor(), "ALERT_ATTACHED",
                    "timeline.alert." + alert.how().name(), List.of(Arg.text(alert.alertTitle()),
                            Arg.text(String.valueOf(alert.firingAlerts())),
                            Arg.text(String.valueOf(alert.totalAlerts()))),
                    null)).toList();
            case IncidentAlertResolved r -> List.of(new Entry("ALERT_RESOLVED", r.firingAlerts() > 0
                    ? "timeline.alert.resolved"
                    : r.autoResolve() ? "timeline.alert.resolved.all.auto" : "timeline.alert.resolved.all",
                    List.of(Arg.text(r.alertTitle()), Arg.text(String.valueOf(r.firingAlerts())),
                            Arg.text(String.valueOf(r.totalAlerts()))), null));
        };
    }

    private static Entry severity(IncidentSeverityChanged s) {
        if (!s.fromLevel().equals(s.toLevel())) {
            return new Entry("SEVERITY_CHANGED", "timeline.severity.changed",
                    List.of(Arg.text(s.fromLevel()), Arg.text(s.toLevel())), s.reason());
        }
        if (s.firstConfirmation()) {
            return new Entry("SEVERITY_CHANGED", "timeline.severity.confirmed", List.of(Arg.text(s.toLevel())), null);
        }
        return new Entry("SEVERITY_CHANGED", "timeline.severity.triage", List.of(Arg.text(s.toLevel())), null);
    }

    private static Arg status(String name) {
        return Arg.key("incident.status." + name);
    }

    private static Arg role(String name) {
        return Arg.key("incident.role." + name);
    }

    private static String joinLines(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return present.isEmpty() ? null : String.join("\n", present);
    }
}
