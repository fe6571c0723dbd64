package io.firebreak.escalation.internal;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.incident.IncidentManagement;

/**
 * Starts one incident's escalation: within the declaring transaction ({@link #startWithin}), or in
 * a transaction of its own ({@link #start}, the reconciling pass). Another instance starting the same incident at the same time
 * makes one of the two inserts fail; that one is dropped, as the other did the work.
 */
@Component
public class EscalationStarter {

    private final EscalationEngine engine;
    private final IncidentManagement incidents;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;

    EscalationStarter(EscalationEngine engine, IncidentManagement incidents, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.incidents = incidents;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Starts the escalation inside the caller's transaction (the one that declares the incident),
     * in a savepoint: the first page commits together with the incident, and a failure rolls back
     * only the escalation's writes before it is thrown (the caller logs it; the reconciling pass
     * starts the escalation later). Unlike starting after the commit in a new transaction, this
     * never holds two pooled connections per declaring thread.
     */
    public void startWithin(long incidentId, Instant openedAt) {
        savepoint.executeWithoutResult(s -> engine.start(incidents.get(String.valueOf(incidentId)), openedAt));
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
