package io.firebreak.escalation.internal;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.incident.IncidentManagement;

/**
 * Starts one incident's escalation in a transaction of its own (a new one even when called after
 * another transaction committed). Another instance starting the same incident at the same time
 * makes one of the two inserts fail; that one is dropped, as the other did the work.
 */
@Component
public class EscalationStarter {

    private final EscalationEngine engine;
    private final IncidentManagement incidents;
    private final TransactionTemplate tx;

    EscalationStarter(EscalationEngine engine, IncidentManagement incidents, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.incidents = incidents;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Starts the escalation of the incident opened at {@code openedAt}; false if another instance did. */
    public boolean start(long incidentId, Instant openedAt) {
        try {
            tx.executeWithoutResult(s -> engine.start(incidents.get(String.valueOf(incidentId)), openedAt));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
