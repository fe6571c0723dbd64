package io.firebreak.escalation.rules;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

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

    @ApplicationModuleListener
    void on(IncidentDeclared e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentStageChanged e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentSeverityChanged e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentCauseUpdated e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentRoleAssigned e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentRoleUnassigned e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentReopened e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentClosed e) {
        recompute(e.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentDetailsUpdated e) {
        recompute(e.incidentId());
    }
}
