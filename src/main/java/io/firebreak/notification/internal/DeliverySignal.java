package io.firebreak.notification.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.firebreak.shared.WakeUp;

/**
 * Tells the delivery worker that an outbox row was written, without the writers depending on the
 * worker: a row due now wakes it when the writing transaction commits, a row due later at its due
 * instant. Until the worker connects (start-up) or when wake-ups are off, signals are dropped and
 * the worker's scheduled pass finds the rows.
 */
@Component
class DeliverySignal {

    private volatile WakeUp target;

    void connect(WakeUp wakeUp) {
        this.target = wakeUp;
    }

    /** A message first due at {@code due} was written in the current transaction (if any). */
    void queued(Instant due) {
        WakeUp w = target;
        if (w != null) {
            w.atAfterCommit(due);
        }
    }
}
