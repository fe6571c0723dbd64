package io.firebreak.escalation.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * of instances on one database fire each period once); the reconciling pass recomputes the due
 * rows of every open incident (and of incidents that still have rows), so a lost event or a
 * deleted row delays a firing by at most one reconciling pass.
 * <p>
 * Firing passes run on the worker's {@link WakeUp} at the earliest pending {@code due_at} (each
 * pass returns it; every due row written, {@link ClockRuleDueWritten}, moves it earlier after its
 * commit), so a rule fires at its instant; the scheduled pass every
 * {@code firebreak.clock-rules.interval} (1 s) stays as the safety net for a lost signal and arms
 * the wake-up for rows another instance wrote.
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

    ClockRuleWorker(ClockRuleRepository repository, ClockRuleEngine engine, IncidentManagement incidents,
            Clock clock, @Value("${firebreak.wake-up:true}") boolean wakeUpEnabled) {
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
        while (fire(now()).taken() == BATCH) {
            // A full batch: more may be due behind it.
        }
        return repository.nextDueAfter(began);
    }

    @Scheduled(fixedDelayString = "${firebreak.clock-rules.interval:PT1S}",
            initialDelayString = "${firebreak.clock-rules.interval:PT1S}")
    void scheduledPass() {
        try {
            // Also arms the wake-up for rows it has not heard of (written by another instance).
            wakeUpPass().ifPresent(wakeUp::at);
        } catch (RuntimeException e) {
            log.warn("Clock rule pass failed; retrying on the next pass", e);
        }
    }

    @Scheduled(fixedDelayString = "${firebreak.clock-rules.reconcile-interval:PT1M}",
            initialDelayString = "${firebreak.clock-rules.reconcile-interval:PT1M}")
    void scheduledReconcile() {
        try {
            reconcile();
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
