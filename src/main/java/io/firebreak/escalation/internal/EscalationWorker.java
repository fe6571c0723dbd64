package io.firebreak.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentSummary;
import io.firebreak.shared.WakeUp;

/**
 * Pages due escalation steps and repairs missed starts; safe to run on every instance at once.
 * <p>
 * Due pass: each ACTIVE row whose {@code due_at} has passed is paged in its own transaction, after
 * a conditional UPDATE on the row's version that only one instance can win (a second one waits for
 * the first's row lock and then finds the version moved on); a crash before commit rolls the claim
 * back, so another pass retakes it. The pass runs on the worker's {@link WakeUp} at the earliest
 * pending {@code due_at} (each pass returns it; every row written due, {@link EscalationDue},
 * moves it earlier after its commit), so a step is paged at its instant, not at the next poll; the
 * scheduled pass every {@code firebreak.escalation.interval} (1 s) stays as the safety net for a
 * lost signal and for rows another instance wrote: it signals the wake-up, so that an instance's
 * passes run on one thread and never wait for each other's row locks. Reconciling pass (every
 * {@code firebreak.escalation.reconcile-interval}, 30 s): every open unacknowledged incident
 * without an escalation row gets one (the start event was lost).
 */
@Component
public class EscalationWorker {

    private static final Logger log = LoggerFactory.getLogger(EscalationWorker.class);
    private static final int BATCH = 200;

    private final EscalationRepository rows;
    private final EscalationEngine engine;
    private final EscalationStarter starter;
    private final IncidentManagement incidents;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WakeUp wakeUp;

    EscalationWorker(EscalationRepository rows, EscalationEngine engine, EscalationStarter starter,
            IncidentManagement incidents, PlatformTransactionManager transactions, Clock clock,
            @Value("${firebreak.wake-up:true}") boolean wakeUpEnabled) {
        this.clock = clock;
        this.rows = rows;
        this.engine = engine;
        this.starter = starter;
        this.incidents = incidents;
        this.tx = new TransactionTemplate(transactions);
        this.wakeUp = new WakeUp("escalation-due", wakeUpEnabled, clock, this::wakeUpPass);
    }

    /** A row was written due at an instant: a pass then, once the row is committed (visible). */
    @EventListener
    void on(EscalationDue e) {
        wakeUp.atAfterCommit(e.at());
    }

    @PreDestroy
    void stopWakeUp() {
        wakeUp.close();
    }

    /**
     * The due pass, then the earliest due instant after the pass began: a row that was due then
     * and is still there failed (it is logged) and is left to the scheduled pass, not retried in a
     * tight loop.
     */
    private Optional<Instant> wakeUpPass() {
        Instant began = clock.instant();
        pageDue();
        return rows.nextDueAfter(began);
    }

    @Scheduled(fixedDelayString = "${firebreak.escalation.interval:PT1S}",
            initialDelayString = "${firebreak.escalation.interval:PT1S}")
    void scheduledDuePass() {
        try {
            wakeUp.poll(this::pageDue);
        } catch (RuntimeException e) {
            log.warn("Escalation pass failed; due steps stay due for the next pass", e);
        }
    }

    @Scheduled(fixedDelayString = "${firebreak.escalation.reconcile-interval:PT30S}",
            initialDelayString = "${firebreak.escalation.reconcile-interval:PT30S}")
    void scheduledReconcile() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Escalation reconciling pass failed; retrying on the next pass", e);
        }
    }

    /** A reconciling pass, then a due pass; returns how many steps were paged. */
    public int runOnce() {
        reconcile();
        return pageDue();
    }

    /** Pages every step due now; returns how many steps this caller paged. */
    public int pageDue() {
        int paged = 0;
        List<Long> due;
        do {
            due = rows.due(clock.instant(), BATCH);
            for (Long incidentId : due) {
                try {
                    Integer step = tx.execute(s -> engine.pageIfDue(incidentId));
                    paged += step != null && step > 0 ? 1 : 0;
                } catch (ConcurrencyFailureException | DuplicateKeyException e) {
                    // Another instance is paging this step; its commit moves the row on.
                    log.debug("Escalation of incident {} claimed elsewhere", incidentId, e);
                } catch (RuntimeException e) {
                    // One failing step must not hold up the others behind it; the row stays due.
                    log.warn("Escalation of incident {} failed; retrying on the next pass", incidentId, e);
                }
            }
        } while (due.size() == BATCH && paged > 0);
        return paged;
    }

    /** Starts the escalation of every open, unacknowledged incident that has none; returns how many. */
    public int reconcile() {
        List<IncidentSummary> open = incidents.open().stream()
                .filter(i -> i.status() == IncidentStatus.DETECTED).toList();
        Set<Long> known = rows.existing(open.stream().map(IncidentSummary::id).toList());
        int started = 0;
        for (IncidentSummary incident : open) {
            if (!known.contains(incident.id())) {
                Instant opened = incidents.get(incident.number()).createdAt();
                started += starter.start(incident.id(), opened) ? 1 : 0;
            }
        }
        return started;
    }
}
