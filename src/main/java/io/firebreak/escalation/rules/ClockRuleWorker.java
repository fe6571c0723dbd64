package io.firebreak.escalation.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentSummary;

/**
 * Fires due clock rules and reconciles. Each firing pass claims due rows one by one (so any number
 * of instances on one database fire each period once); the reconciling pass recomputes the due
 * rows of every open incident (and of incidents that still have rows), so a lost event or a
 * deleted row delays a firing by at most one reconciling pass.
 */
@Component
public class ClockRuleWorker {

    private static final Logger log = LoggerFactory.getLogger(ClockRuleWorker.class);
    private static final int BATCH = 1000;

    private final ClockRuleRepository repository;
    private final ClockRuleEngine engine;
    private final IncidentManagement incidents;
    private final Clock clock;

    ClockRuleWorker(ClockRuleRepository repository, ClockRuleEngine engine, IncidentManagement incidents,
            Clock clock) {
        this.repository = repository;
        this.engine = engine;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.clock-rules.interval:PT1S}",
            initialDelayString = "${firebreak.clock-rules.interval:PT1S}")
    void scheduledPass() {
        try {
            runOnce();
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
        Instant now = now();
        int fired = 0;
        for (var due : repository.due(now, BATCH)) {
            try {
                if (engine.fire(due, now)) {
                    fired++;
                }
            } catch (RuntimeException e) {
                // One failing firing (say, a page that cannot be queued) must not hold up the others.
                log.warn("Clock rule {} for incident {} failed; retrying on the next pass", due.ruleId(),
                        due.incidentId(), e);
            }
        }
        return fired;
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
