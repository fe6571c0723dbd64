package io.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import io.firebreak.timeline.TimelineManagement;

/** Persistence rules that need a database: the version check against concurrent edits. */
@FirebreakTest
class IncidentRepositoryTests {

    @Autowired IncidentRepository repository;
    @Autowired IncidentManagement incidents;
    @Autowired TimelineManagement timeline;
    @Autowired TransactionTemplate tx;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAndLeavesTheNewerOneIntact() {
        UserView alice = users.create(Role.RESPONDER);
        IncidentView inc = incidents.declare(new DeclareIncident("stale edit", null, List.of(), "P3", null, null, null),
                alice.username());
        Incident stale = repository.find(inc.id()).orElseThrow();

        // Someone else's change commits first.
        incidents.mitigate(inc.number(), alice.username());

        stale.advance(IncidentStatus.ACKNOWLEDGED, "bob", clock.instant());
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> repository.update(stale, true, true)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        IncidentView now = incidents.get(inc.number());
        assertThat(now.status()).isEqualTo(IncidentStatus.MITIGATED);
        assertThat(now.version()).isEqualTo(1);
        assertThat(timeline.entries(inc.id())).hasSize(2);
    }
}
