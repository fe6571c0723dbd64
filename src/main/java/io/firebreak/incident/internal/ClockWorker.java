package io.firebreak.incident.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.identity.AuditManagement;
import io.firebreak.incident.IncidentClockBreached;

/**
 * Records clock breaches: each pass finds running clocks past due without a breach and claims
 * each one with a conditional UPDATE, so with several instances exactly one records it and
 * publishes {@link IncidentClockBreached} (its timeline entry commits with the claim).
 */
@Component
public class ClockWorker {

    private static final Logger log = LoggerFactory.getLogger(ClockWorker.class);
    private static final int BATCH = 500;

    private final IncidentRepository repository;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClockWorker(IncidentRepository repository, ApplicationEventPublisher events, AuditManagement audit,
            TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.clock-check-interval:PT15S}",
            initialDelayString = "${firebreak.clock-check-interval:PT15S}")
    void scheduledPass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The next pass retries: nothing is marked until a claim commits.
            log.warn("Clock check failed; retrying on the next pass", e);
        }
    }

    /** One pass at the current clock time; returns how many breaches this caller recorded. */
    public int runOnce() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        int recorded = 0;
        for (var due : repository.dueClocks(now, BATCH)) {
            Boolean claimed = tx.execute(status -> {
                if (!repository.claimBreach(due.incidentId(), due.kind(), now)) {
                    return false;
                }
                long seq = repository.seqOf(due.incidentId()).orElseThrow();
                var event = new IncidentClockBreached(due.incidentId(), Incident.number(seq), "system", now,
                        due.kind(), due.dueAt());
                events.publishEvent(event);
                audit.record("system", "incident", String.valueOf(due.incidentId()), "clock-breached", null, event);
                return true;
            });
            if (Boolean.TRUE.equals(claimed)) {
                recorded++;
            }
        }
        return recorded;
    }
}
