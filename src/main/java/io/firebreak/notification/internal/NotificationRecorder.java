package io.firebreak.notification.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentClockBreached;
import io.firebreak.incident.IncidentClosed;
import io.firebreak.incident.IncidentDeclared;
import io.firebreak.incident.IncidentEvent;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRoleAssigned;
import io.firebreak.incident.IncidentSeverityChanged;
import io.firebreak.incident.IncidentStageChanged;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.MessageStatus;

/**
 * Turns incident events into outbox rows, synchronously inside the publishing transaction (the
 * timeline's approach, ADR 1): the messages commit with the change or not at all, and are sent
 * only after commit by the worker. The audience is that of the incident's level
 * ({@link AudienceRouting}): its channels and its people.
 */
@Component
class NotificationRecorder {

    private final IncidentManagement incidents;
    private final AudienceRouting routing;

    NotificationRecorder(IncidentManagement incidents, AudienceRouting routing) {
        this.incidents = incidents;
        this.routing = routing;
    }

    @EventListener
    void on(IncidentEvent event) {
        Map<String, Object> extra = new HashMap<>();
        TemplateKind kind = switch (event) {
            case IncidentDeclared d -> TemplateKind.INCIDENT_OPENED;
            case IncidentSeverityChanged s when !s.fromLevel().equals(s.toLevel()) -> {
                extra.put("fromLevel", s.fromLevel());
                extra.put("toLevel", s.toLevel());
                extra.put("reason", s.reason() == null ? "" : s.reason());
                yield TemplateKind.LEVEL_CHANGED;
            }
            case IncidentStageChanged s when s.to() == IncidentStatus.ACKNOWLEDGED -> TemplateKind.ACKNOWLEDGED;
            case IncidentStageChanged s when s.to() == IncidentStatus.MITIGATED -> TemplateKind.MITIGATED;
            case IncidentStageChanged s when s.to() == IncidentStatus.RESOLVED -> TemplateKind.RESOLVED;
            case IncidentClosed c -> {
                extra.put("reason", c.reason() == null ? "" : c.reason());
                yield TemplateKind.CLOSED;
            }
            case IncidentRoleAssigned r -> {
                extra.put("role", r.role().name());
                extra.put("user", r.username());
                yield TemplateKind.ROLE_ASSIGNED;
            }
            case IncidentClockBreached b -> {
                extra.put("clock", b.clock().name());
                extra.put("dueAt", Outbox.format(b.dueAt()));
                yield TemplateKind.CLOCK_BREACHED;
            }
            default -> null;
        };
        if (kind == null) {
            return;
        }
        IncidentView incident = incidents.get(event.number());
        if (!routing.reachesAnyone(incident.levelCode())) {
            return;
        }
        boolean page = kind == TemplateKind.INCIDENT_OPENED && incident.status() == IncidentStatus.DETECTED;
        routing.enqueue(kind, event.getClass().getSimpleName(), incident, extra, page,
                MessageStatus.PENDING, null, event.actor());
    }
}
