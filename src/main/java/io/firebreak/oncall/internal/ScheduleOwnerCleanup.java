package io.firebreak.oncall.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.TeamDeleted;

/** Schedules owned by a deleted team become unowned instead of pointing at nothing. Idempotent. */
@Component
class ScheduleOwnerCleanup {

    private final ScheduleRepository repository;
    private final AuditManagement audit;

    ScheduleOwnerCleanup(ScheduleRepository repository, AuditManagement audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(TeamDeleted event) {
        for (long id : repository.clearTeam(event.teamId())) {
            audit.record("system", "schedule", String.valueOf(id), "owner-team-deleted", event.teamId(), null);
        }
    }
}
