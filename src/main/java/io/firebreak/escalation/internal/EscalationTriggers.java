package io.firebreak.escalation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.catalog.ServiceDeleted;
import io.firebreak.incident.IncidentClosed;
import io.firebreak.incident.IncidentDeclared;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentReopened;
import io.firebreak.incident.IncidentStageChanged;
import io.firebreak.incident.IncidentStatus;

/**
 * Starts and stops escalations on incident events.
 * <p>
 * Start: in the declaring transaction (declared in the UI or API, or by alert grouping), in a
 * savepoint, so the first page commits with the incident and leaves the moment it commits, without
 * waiting for a worker pass. If the start fails, only its savepoint is rolled back and the worker's
 * reconciling pass starts it.
 * <p>
 * Stop: in the transaction that acknowledges, resolves or closes the incident, so no claim can
 * page a step after the incident was acknowledged. Restart: in the transaction that reopens it.
 */
@Component
class EscalationTriggers {

    private static final Logger log = LoggerFactory.getLogger(EscalationTriggers.class);

    private final EscalationEngine engine;
    private final EscalationStarter starter;
    private final PolicyRepository policies;
    private final IncidentManagement incidents;

    EscalationTriggers(EscalationEngine engine, EscalationStarter starter, PolicyRepository policies,
            IncidentManagement incidents) {
        this.engine = engine;
        this.starter = starter;
        this.policies = policies;
        this.incidents = incidents;
    }

    @EventListener
    void on(IncidentDeclared e) {
        try {
            starter.startWithin(e.incidentId(), e.at());
        } catch (RuntimeException ex) {
            log.warn("Could not start the escalation of {} at once; the reconciling pass will", e.number(), ex);
        }
    }

    @EventListener
    void on(IncidentStageChanged e) {
        if (e.to() != IncidentStatus.DETECTED) {
            engine.stop(e.incidentId(), e.number(), EscalationEngine.stopReason(e.to()), e.actor());
        }
    }

    /**
     * A reopened incident escalates again from step 1, in the reopening transaction: the new run
     * commits with the reopen or not at all, so no lost event can leave it unescalated.
     */
    @EventListener
    void on(IncidentReopened e) {
        engine.restart(incidents.get(String.valueOf(e.incidentId())), e.at());
    }

    @EventListener
    void on(IncidentClosed e) {
        engine.stop(e.incidentId(), e.number(), "CLOSED", e.actor());
    }

    @EventListener
    void on(ServiceDeleted e) {
        policies.unassignService(e.serviceId());
    }
}
