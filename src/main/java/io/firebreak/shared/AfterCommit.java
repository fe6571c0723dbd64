package io.firebreak.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs work once the current transaction has committed. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code work} after the current transaction commits (never on rollback), or at once when
     * no transaction is active: for work that must see, or may only announce, what was written.
     */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
