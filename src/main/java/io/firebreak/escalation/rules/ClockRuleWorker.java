package io.firebreak.escalation.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentSummary;
import io.firebreak.shared.WakeUp;

/**
 * Fires due clock rules and reconciles. Each firing pass claims due rows one by one (so any number
 * of instances on one database fire each period once). The reconciling pass (every
 * {@code firebreak.clock-rules.reconcile-interval}, 1 min) recomputes the due rows of the open
 * incidents changed since the previous pass and of incidents that still have rows but are no
 * longer open, so a lost event delays a firing by at most one reconciling pass; every
 * {@code firebreak.clock-rules.full-reconcile-interval} (1 h, and first after start) it recomputes
 * every open incident, which also repairs a row lost any other way. (Recomputing all of 10,000
 * open incidents every minute kept the database busy for most of that minute.)
 * <p>
 * Firing passes run on the worker's {@link WakeUp} at the earliest pending {@code due_at} (each
 * pass returns it; every due row written, {@link ClockRuleDueWritten}, moves it earlier after its
 * commit), so a rule fires at its instant; the scheduled pass every
 * {@code firebreak.clock-rules.interval} (1 s) stays as the safety net for a lost signal and for
 * rows another instance wrote: it signals the wake-up, so that an instance's passes run on one
 * thread and never wait for each other's row locks.
 */
@Component
public class ClockRuleWorker {

    private static final Logger log = LoggerFactory.getLogger(ClockRuleWorker.class);
    private static final int BATCH = 1000;

    private final ClockRuleRepository repository;
    private final ClockRuleEngine engine;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final WakeUp wakeUp;
    private final Duration reconcileInterval;
    private final Duration fullReconcileInterval;
    /** Start of the previous scheduled reconciling pass, and of the previous full one (only that thread uses them). */
    private Instant lastReconcile;
    private Instant lastFullReconcile;

    ClockRuleWorker(ClockRuleRepository repository, ClockRuleEngine engine, IncidentManagement incidents,
            Clock clock, @Value("${firebreak.wake-up:true}") boolean wakeUpEnabled,
            @Value("${firebreak.clock-rules.reconcile-interval:PT1M}") Duration reconcileInterval,
            @Value("${firebreak.clock-rules.full-reconcile-interval:PT1H}") Duration fullReconcileInterval) {
        this.reconcileInterval = reconcileInterval;
        this.fullReconcileInterval = fullReconcileInterval;
        this.repository = repository;
        this.engine = engine;
        this.incidents = incidents;
        this.clock = clock;
        this.wakeUp = new WakeUp("clock-rules-due", wakeUpEnabled, clock, this::wakeUpPass);
    }

    /** A due row was written: a pass at its instant, once it is committed (visible). */
    @EventListener
    void on(ClockRuleDueWritten e) {
        wakeUp.atAfterCommit(e.at());
    }

    @PreDestroy
    void stopWakeUp() {
        wakeUp.close();
    }

    /**
     * Firing passes until a batch comes back short, then the earliest due instant after the first
     * began: a row still due from before then failed (it is logged) and is left to the scheduled
     * pass rather than retried in a tight loop.
     */
    private Optional<Instant> wakeUpPass() {
        Instant began = now();
        Batch batch;
        do {
            batch = fire(now());
        } while (batch.taken() == BATCH && batch.fired() > 0);
        return repository.nextDueAfter(began);
    }

    @Scheduled(fixedDelayString = "${firebreak.clock-rules.interval:PT1S}",
            initialDelayString = "${firebreak.clock-rules.interval:PT1S}")
    void scheduledPass() {
        try {
            wakeUp.poll(this::runOnce);
        } catch (RuntimeException e) {
            log.warn("Clock rule pass failed; retrying on the next pass", e);
        }
    }

    @Scheduled(fixedDelayString = "${firebreak.clock-rules.reconcile-interval:PT1M}",
            initialDelayString = "${firebreak.clock-rules.reconcile-interval:PT1M}")
    void scheduledReconcile() {
        try {
            Instant began = now();
            if (lastFullReconcile == null || !began.isBefore(lastFullReconcile.plus(fullReconcileInterval))) {
                int incidents = reconcile();
                lastFullReconcile = began;
                log.info("Recomputed the clock rule due rows of {} incidents in {} ms", incidents,
                        Duration.between(began, now()).toMillis());
            } else {
                // A change commits after its updated_at was stamped: look back one more interval.
                reconcileChangedSince(lastReconcile.minus(reconcileInterval));
            }
            lastReconcile = began;
        } catch (RuntimeException e) {
            log.warn("Clock rule reconciliation failed; retrying on the next pass", e);
        }
    }

    /** Fires what is due at the current clock time; returns how many firings this caller made. */
    public int runOnce() {
        return fire(now()).fired();
    }

    /** How many due rows a batch took and how many of them this caller fired. */
    private record Batch(int taken, int fired) {
    }

    /**
     * Fires one batch of rows due at {@code due}; each firing is checked and stamped with the clock
     * at its own claim, so a long batch records when each rule really fired.
     */
    private Batch fire(Instant due) {
        int fired = 0;
        List<ClockRuleRepository.Due> rows = repository.due(due, BATCH);
        for (var row : rows) {
            try {
                if (engine.fire(row, now())) {
                    fired++;
                }
            } catch (RuntimeException e) {
                // One failing firing (say, a page that cannot be queued) must not hold up the others.
                log.warn("Clock rule {} for incident {} failed; retrying on the next pass", row.ruleId(),
                        row.incidentId(), e);
            }
        }
        return new Batch(rows.size(), fired);
    }

    /**
     * Recomputes the due rows of the open incidents changed since {@code since} (a change whose
     * recompute was lost) and of the incidents that have rows but are no longer open; returns how many.
     */
    public int reconcileChangedSince(Instant since) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> open = new HashSet<>();
        for (IncidentSummary incident : incidents.open()) {
            open.add(incident.id());
            if (!incident.updatedAt().isBefore(since)) {
                ids.add(incident.id());
            }
        }
        repository.incidentsWithDueRows().stream().filter(id -> !open.contains(id)).forEach(ids::add);
        Instant now = now();
        ids.forEach(id -> engine.recompute(id, now));
        return ids.size();
    }

    /** Recomputes the due rows of every open incident and of every incident with rows; returns how many. */
    public int reconcile() {
        Instant now = now();
        Set<Long> ids = new LinkedHashSet<>();
        incidents.open().stream().map(IncidentSummary::id).forEach(ids::add);
        ids.addAll(repository.incidentsWithDueRows());
        ids.forEach(id -> engine.recompute(id, now));
        return ids.size();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
