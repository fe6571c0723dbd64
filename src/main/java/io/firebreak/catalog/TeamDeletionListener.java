package io.firebreak.catalog;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.firebreak.identity.TeamDeleted;

/** Lets services owned by a deleted team become unowned instead of pointing at nothing. Idempotent. */
@Component
class TeamDeletionListener {

    private final CatalogManagement catalog;

    TeamDeletionListener(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(TeamDeleted event) {
        catalog.clearOwnerOf(event.teamId());
    }
}
