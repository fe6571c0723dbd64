package io.firebreak.escalation.rules;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import io.firebreak.incident.IncidentCauseUpdated;
import io.firebreak.incident.IncidentClosed;
import io.firebreak.incident.IncidentDeclared;
import io.firebreak.incident.IncidentDetailsUpdated;
import io.firebreak.incident.IncidentReopened;
import io.firebreak.incident.IncidentRoleAssigned;
import io.firebreak.incident.IncidentRoleUnassigned;
import io.firebreak.incident.IncidentSeverityChanged;
import io.firebreak.incident.IncidentStageChanged;

/**
 * Recomputes an incident's due rows after every change a rule's condition can depend on (level,
 * stage, cause, roles, impact). Idempotent: it rewrites the rows from the incident's current state.
 * <p>
 * The listeners open no transaction of their own ({@code NOT_SUPPORTED}): the recompute runs in its
 * own, so each async task holds one pooled connection at a time. Holding the listener's
 * transaction open around the recompute's took two per task, and a burst of events (one per
 * declared incident) then held every connection of the pool while waiting for a second one.
 */
@Component
class ClockRuleListener {

    private final ClockRuleEngine engine;
    private final Clock clock;

    ClockRuleListener(ClockRuleEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    private void recompute(long incidentId) {
        engine.recompute(incidentId, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentDeclared e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentStageChanged e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentSeverityChanged e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentCauseUpdated e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentRoleAssigned e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentRoleUnassigned e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentReopened e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentClosed e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentDetailsUpdated e) {
        recompute(e.incidentId());
    }
}
