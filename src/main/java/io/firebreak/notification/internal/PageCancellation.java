package io.firebreak.notification.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentClosed;
import io.firebreak.incident.IncidentStageChanged;
import io.firebreak.incident.IncidentStatus;

/**
 * Cancels the pages of an incident not yet sent (PENDING, including later steps of personal rules)
 * when someone takes it (its first move past DETECTED: acknowledged) or it is resolved or closed,
 * in the transaction of that change: the ledger then shows them CANCELLED with the reason.
 */
@Component
class PageCancellation {

    private final MessageRepository messages;

    PageCancellation(MessageRepository messages) {
        this.messages = messages;
    }

    @EventListener
    void on(IncidentStageChanged event) {
        if (event.to() == IncidentStatus.RESOLVED || event.to() == IncidentStatus.VERIFIED) {
            messages.cancelPendingPages(event.incidentId(), "cancelled: resolved");
        } else if (event.from() == IncidentStatus.DETECTED) {
            messages.cancelPendingPages(event.incidentId(), "cancelled: acknowledged");
        }
    }

    @EventListener
    void on(IncidentClosed event) {
        messages.cancelPendingPages(event.incidentId(), "cancelled: closed");
    }
}
