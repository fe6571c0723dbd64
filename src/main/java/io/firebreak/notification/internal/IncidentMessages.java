package io.firebreak.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.MessageStatus;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * Messages people send from an incident: a status update (the 📊 template) to the internal
 * audience of the incident's level, and a customer notice (disruption or restored) to the customer
 * channels, which for the two highest levels (rank 0 and 1, P0/P1 by default) waits for approval
 * by the incident's commander or comms lead.
 */
@Component
public class IncidentMessages {

    static final int TEXT_MAX = 2000;

    private final IncidentManagement incidents;
    private final ChannelRepository channels;
    private final MessageRepository messages;
    private final Outbox outbox;
    private final AuditManagement audit;
    private final Clock clock;
    private final AudienceRouting routing;

    IncidentMessages(IncidentManagement incidents, ChannelRepository channels, MessageRepository messages,
            Outbox outbox, AuditManagement audit, Clock clock, AudienceRouting routing) {
        this.routing = routing;
        this.incidents = incidents;
        this.channels = channels;
        this.messages = messages;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a status update to the internal audience; returns the message ids. */
    @Transactional
    public List<Long> statusUpdate(String ref, String status, String progress, String eta, String actor) {
        IncidentView incident = incidents.get(ref);
        Map<String, Object> vars = Map.of("status", required("status", status), "progress",
                required("progress", progress), "eta", optional("eta", eta));
        if (!routing.reachesAnyone(incident.levelCode())) {
            throw new ConflictException("No channel or person hears level " + incident.levelCode() + ".");
        }
        List<Long> ids = routing.enqueue(TemplateKind.STATUS_UPDATE, "StatusUpdate", incident, vars, false,
                MessageStatus.PENDING, null, actor);
        audit.record(actor, "incident", String.valueOf(incident.id()), "status-update-sent", null, vars);
        return ids;
    }

    /** Queues a customer notice; for P0/P1 it waits for the commander's or comms lead's approval. */
    @Transactional
    public List<Long> customerNotice(String ref, TemplateKind kind, String eta, String actor) {
        if (kind != TemplateKind.CUSTOMER_NOTICE && kind != TemplateKind.SERVICE_RESTORED) {
            throw new InvalidInputException("kind", "must be CUSTOMER_NOTICE or SERVICE_RESTORED");
        }
        IncidentView incident = incidents.get(ref);
        List<ChannelConfig> customers = channels.customerChannels();
        if (customers.isEmpty()) {
            throw new ConflictException("No customer channel is configured.");
        }
        boolean needsApproval = incident.levelRank() <= 1;
        Map<String, Object> vars = Map.of("eta", kind == TemplateKind.CUSTOMER_NOTICE ? required("eta", eta)
                : optional("eta", eta));
        List<Long> ids = outbox.enqueue(kind, "CustomerNotice", incident, customers, vars, false,
                needsApproval ? MessageStatus.AWAITING_APPROVAL : MessageStatus.PENDING,
                needsApproval ? "awaiting approval by the commander or comms lead" : null, actor);
        audit.record(actor, "incident", String.valueOf(incident.id()), "customer-notice-queued", null,
                Map.of("kind", kind.name(), "messages", ids, "approval", needsApproval));
        return ids;
    }

    /** True if the person may approve customer notices of the incident. */
    public boolean mayApprove(IncidentView incident, String username) {
        return incident.roles().stream().anyMatch(r -> r.username().equals(username)
                && (r.role() == IncidentRole.COMMANDER || r.role() == IncidentRole.COMMS_LEAD));
    }

    /** Releases a message awaiting approval; only the incident's commander or comms lead may. */
    @Transactional
    public void approve(String ref, long messageId, String actor) {
        IncidentView incident = incidents.get(ref);
        StoredMessage m = messages.find(messageId).filter(x -> x.incidentId() != null && x.incidentId() == incident.id())
                .orElseThrow(() -> new NotFoundException("No message " + messageId + " on " + incident.number()));
        if (!mayApprove(incident, actor)) {
            throw new PermissionDeniedException("Only the incident's commander or comms lead may approve.");
        }
        if (!messages.approve(m.id(), clock.instant())) {
            throw new ConflictException("The message is not awaiting approval.");
        }
        audit.record(actor, "notification-message", String.valueOf(m.id()), "approved", null,
                Map.of("incident", incident.number()));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return optional(field, value);
    }

    private static String optional(String field, String value) {
        if (value != null && value.length() > TEXT_MAX) {
            throw new InvalidInputException(field, "must be at most " + TEXT_MAX + " characters");
        }
        return value == null ? "" : value.strip();
    }
}
