package io.firebreak.probe.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.InternalAlert;
import io.firebreak.probe.ProbeView;

/**
 * Runs due health checks. A pass reads the due checks, claims each with a conditional update of
 * its next_run_at (so with several instances on one database exactly one runs it), runs the
 * claimed probes in parallel outside any transaction, then records each result and its
 * consequences: the alert fingerprinted {@code probe:<id>} fires after N consecutive failures and
 * resolves after M consecutive successes.
 */
@Component
public class ProbeWorker {

    private static final Logger log = LoggerFactory.getLogger(ProbeWorker.class);
    private static final int BATCH = 200;

    private final ProbeRepository repository;
    private final ProbeExecutor executor;
    private final AlertManagement alerts;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProbeWorker(ProbeRepository repository, ProbeExecutor executor, AlertManagement alerts, TransactionTemplate tx,
            Clock clock) {
        this.repository = repository;
        this.executor = executor;
        this.alerts = alerts;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.probe.pass-interval:PT5S}",
            initialDelayString = "${firebreak.probe.pass-interval:PT5S}")
    void scheduledPass() {
        try {
            runDue();
        } catch (RuntimeException e) {
            // A claimed run that failed to record is simply run again at its next time.
            log.warn("Health check pass failed; retrying on the next pass", e);
        }
    }

    /** One pass at the current clock time; returns the ids of the checks this caller ran. */
    public List<Long> runDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Long, ProbeView> claimed = new LinkedHashMap<>();
        for (var due : repository.due(now, BATCH)) {
            Instant next = now.plus(Duration.ofSeconds(due.intervalSeconds()));
            ProbeView probe = tx.execute(s -> repository.claim(due, next) ? repository.find(due.id()).orElse(null)
                    : null);
            if (probe != null) {
                claimed.put(probe.id(), probe);
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, Future<Outcome>> running = new LinkedHashMap<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ProbeView p : claimed.values()) {
                running.put(p.id(), pool.submit(() -> executor.run(p)));
            }
            List<Long> ran = new ArrayList<>();
            for (var e : running.entrySet()) {
                Outcome outcome;
                try {
                    outcome = e.getValue().get();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return ran;
                } catch (ExecutionException ex) {
                    outcome = Outcome.failed(null, null, "error: " + ex.getCause());
                }
                record(e.getKey(), clock.instant().truncatedTo(ChronoUnit.MICROS), outcome);
                ran.add(e.getKey());
            }
            return ran;
        }
    }

    /** Stores a result, advances the counters and, on a threshold, fires or resolves the check's alert. */
    void record(long id, Instant at, Outcome outcome) {
        record Recorded(ProbeView probe, ProbeStateMachine.Step step) {
        }
        Recorded r = tx.execute(s -> {
            ProbeView p = repository.lock(id).orElse(null);
            if (p == null) {
                return null; // deleted while it ran
            }
            var step = ProbeStateMachine.next(p.consecutiveFailures(), p.consecutiveSuccesses(), p.alerting(),
                    outcome.ok(), p.failureThreshold(), p.successThreshold());
            // The alerting flag only changes once the alert module has the alert (below), so a failed
            // raise is retried on the next result.
            repository.recordState(id, at, outcome, step.failures(), step.successes(), p.alerting());
            repository.addResult(id, at, outcome);
            return new Recorded(p, step);
        });
        if (r == null || r.step().transition() == ProbeStateMachine.Transition.NONE) {
            return;
        }
        boolean firing = r.step().transition() == ProbeStateMachine.Transition.FIRE;
        try {
            alerts.raise(alertOf(r.probe(), firing ? AlertStatus.FIRING : AlertStatus.RESOLVED, outcome));
            tx.executeWithoutResult(s -> repository.setAlerting(id, firing));
        } catch (RuntimeException e) {
            log.warn("Health check {}: could not {} its alert; trying again after the next run", id,
                    firing ? "fire" : "resolve", e);
        }
    }

    /** The alert of a check in the given state; used for firing, resolving and on deletion. */
    public static InternalAlert alertOf(ProbeView p, AlertStatus status, Outcome outcome) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HealthCheckFailed");
        labels.put("probe", p.name());
        labels.put("probe_id", String.valueOf(p.id()));
        labels.put("probe_type", p.type().name().toLowerCase());
        labels.put("target", p.target());
        String title = "Health check " + p.name() + " is failing";
        String description = status == AlertStatus.FIRING
                ? p.target() + " failed " + p.failureThreshold() + " consecutive times"
                        + (outcome != null && outcome.error() != null ? ": " + outcome.error() : "")
                : p.target() + " recovered";
        return new InternalAlert(p.fingerprint(), title, description, status, labels, p.serviceId(), p.levelCode());
    }
}
