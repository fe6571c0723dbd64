package io.firebreak.notification;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.internal.AudienceRouting;
import io.firebreak.notification.internal.Outbox;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.shared.InvalidInputException;

/**
 * Incident messages other modules ask for (the clock rules of escalation): the notification
 * module's facade for telling an incident's audience something that is not an incident event.
 */
@Service
public class IncidentNotices {

    private final IncidentManagement incidents;
    private final AudienceRouting routing;

    IncidentNotices(IncidentManagement incidents, AudienceRouting routing) {
        this.incidents = incidents;
        this.routing = routing;
    }

    /**
     * Queues the "clock at risk" message (template CLOCK_AT_RISK: {@code clock} is due at
     * {@code dueAt}) to the audience of the incident's level, in the caller's transaction; nothing
     * when that audience reaches nobody. {@code clock} is the clock's name as shown (e.g. RESPONSE).
     */
    @Transactional
    public void clockAtRisk(long incidentId, String clock, Instant dueAt, String actor) {
        if (clock == null || clock.isBlank()) {
            throw new InvalidInputException("clock", "is required");
        }
        if (dueAt == null) {
            throw new InvalidInputException("dueAt", "is required");
        }
        IncidentView incident = incidents.get(String.valueOf(incidentId));
        if (!routing.reachesAnyone(incident.levelCode())) {
            return;
        }
        routing.enqueue(TemplateKind.CLOCK_AT_RISK, "ClockAtRisk", incident,
                Map.of("clock", clock.strip(), "dueAt", Outbox.format(dueAt)), false,
                MessageStatus.PENDING, null, actor == null || actor.isBlank() ? "system" : actor);
    }
}
