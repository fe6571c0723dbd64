package io.firebreak.escalation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.firebreak.escalation.EscalationStepReached;
import io.firebreak.escalation.EscalationStopped;
import io.firebreak.escalation.internal.EscalationRow.State;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.ServiceRef;
import io.firebreak.notification.PageRequest;
import io.firebreak.notification.PagingManagement;

/**
 * The escalation state machine. Every method runs in the caller's transaction, so a step's claim,
 * its pages (outbox rows), its log and its events commit together or not at all.
 * <p>
 * Timing: the first step is due {@code delay} after the incident opened, each later step
 * {@code delay} after the previous step's due time (so lateness never accumulates), a new round
 * {@code repeatDelayMinutes} after the last step. "Escalate now" pages the next step at once and
 * counts the following delays from then. A due step is claimed only when {@code due_at <= now}:
 * never early. Reopening the incident starts the policy again from step 1 as a new run, whose page
 * dedup keys ({@code esc:<incident>:run<n>:<round>:<step>:<user>}) cannot collide with an earlier
 * run's ({@code esc:<incident>:<round>:<step>:<user>} for the first).
 */
@Component
public class EscalationEngine {

    public static final String SYSTEM = "system";

    private final EscalationRepository rows;
    private final PolicyRepository policies;
    private final TargetResolver targets;
    private final PagingManagement paging;
    private final IncidentManagement incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationEngine(EscalationRepository rows, PolicyRepository policies, TargetResolver targets,
            PagingManagement paging, IncidentManagement incidents, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.policies = policies;
        this.targets = targets;
        this.paging = paging;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts the escalation of an open incident that has none: the policy of its first service that
     * has one, else the default policy (no policy: a NONE row records that it was considered). Pages
     * the first step at once when it is due. A concurrent start by another instance makes the insert
     * fail with a duplicate key (the caller drops that attempt).
     */
    public void start(IncidentView incident, Instant openedAt) {
        if (rows.find(incident.id()).isPresent()) {
            return;
        }
        Optional<StoredPolicy> policy = policies.forServices(incident.services().stream().map(ServiceRef::id).toList())
                .filter(p -> !p.steps().isEmpty());
        if (policy.isEmpty() || incident.status() != IncidentStatus.DETECTED) {
            rows.insert(incident.id(), incident.number(), null, State.NONE, null, clock.instant());
            return;
        }
        Instant due = openedAt.plus(Duration.ofMinutes(policy.get().step(1).delayMinutes()));
        rows.insert(incident.id(), incident.number(), policy.get(), State.ACTIVE, due, clock.instant());
        events.publishEvent(new EscalationDue(due));
        pageIfDue(incident.id());
    }

    /**
     * Pages the escalation's next step if it is ACTIVE and due now; first stops it instead when the
     * incident is no longer unacknowledged (a stop event that was missed). Returns the step paged, or 0.
     */
    public int pageIfDue(long incidentId) {
        Instant now = clock.instant();
        EscalationRow row = rows.find(incidentId).orElse(null);
        if (row == null || row.state() != State.ACTIVE || row.dueAt() == null || row.dueAt().isAfter(now)) {
            return 0;
        }
        IncidentStatus status = incidents.get(String.valueOf(incidentId)).status();
        if (!waiting(status, row.run())) {
            stop(incidentId, row.number(), stopReason(status), SYSTEM);
            return 0;
        }
        return page(row, row.dueAt(), true, SYSTEM);
    }

    /**
     * Starts the policy again from step 1 for a reopened incident, as a fresh run of its
     * escalation (whatever the previous run's state): the policy of its first service that has one,
     * else the default; step 1 due {@code delay} after {@code reopenedAt}. Runs in the reopening
     * transaction, so the new run commits with the reopen (no event to lose); the worker pages it
     * when due. No policy: the previous run's row stays as it was.
     */
    public void restart(IncidentView incident, Instant reopenedAt) {
        Optional<StoredPolicy> policy = policies.forServices(incident.services().stream().map(ServiceRef::id).toList())
                .filter(p -> !p.steps().isEmpty());
        if (policy.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant due = reopenedAt.plus(Duration.ofMinutes(policy.get().step(1).delayMinutes()));
        if (!rows.restart(incident.id(), policy.get(), due, now)) {
            // Never escalated before (no policy then): a row first, so that this run is numbered 1.
            rows.insert(incident.id(), incident.number(), null, State.NONE, null, now);
            rows.restart(incident.id(), policy.get(), due, now);
        }
        events.publishEvent(new EscalationDue(due));
    }

    /**
     * Whether an incident in {@code status} still waits for someone to take it, so that run
     * {@code run} of its escalation goes on paging: unacknowledged (DETECTED) on the first run;
     * after a reopen (which puts it back to INVESTIGATING, and there is no going back to
     * acknowledged) until it moves on to mitigated, resolved or closed.
     */
    public static boolean waiting(IncidentStatus status, int run) {
        return status == (run == 0 ? IncidentStatus.DETECTED : IncidentStatus.INVESTIGATING);
    }

    /**
     * Pages the next step now, as {@code actor}: starts the policy if the incident has none running
     * yet; on a stopped escalation pages the step after the last one without restarting the
     * automatic schedule. Returns the step paged, or 0 when there is no policy or no step left.
     * {@code -1} means another transaction moved the escalation on meanwhile (read again and retry).
     */
    public int escalateNow(IncidentView incident, String actor) {
        Instant now = clock.instant();
        EscalationRow row = rows.find(incident.id()).orElse(null);
        if (row == null || row.policyId() == null) {
            Optional<StoredPolicy> policy = policies
                    .forServices(incident.services().stream().map(ServiceRef::id).toList())
                    .filter(p -> !p.steps().isEmpty());
            if (policy.isEmpty()) {
                return 0;
            }
            if (row == null) {
                rows.insert(incident.id(), incident.number(), policy.get(), State.ACTIVE, now, now);
            } else if (!rows.adopt(row, policy.get(), now, now)) {
                return -1;
            }
            row = rows.find(incident.id()).orElseThrow();
        }
        return page(row, now, false, actor);
    }

    /** Stops an ACTIVE escalation and publishes {@link EscalationStopped}; false if none was active. */
    public boolean stop(long incidentId, String number, String reason, String actor) {
        Instant now = clock.instant();
        if (!rows.stop(incidentId, reason, actor, now)) {
            return false;
        }
        events.publishEvent(new EscalationStopped(incidentId, number, reason, actor, now));
        return true;
    }

    /** The stop reason for an incident that moved on to {@code status}. */
    public static String stopReason(IncidentStatus status) {
        return switch (status) {
            case RESOLVED, VERIFIED -> "RESOLVED";
            case CLOSED -> "CLOSED";
            default -> "ACKNOWLEDGED";
        };
    }

    /** Pages the dedup key's person for an incident and logs it (the notification module drops repeats). */
    public void page(long incidentId, ResolvedTarget person, int round, int step, String key, String reason,
            String actor, Instant at) {
        paging.page(new PageRequest(incidentId, person.userId(), reason, key, actor));
        rows.logPage(incidentId, round, step, person.userId(), person.username(), person.kind(), person.targetName(),
                key, actor, at);
    }

    private int page(EscalationRow row, Instant base, boolean dueOnly, String actor) {
        Instant now = clock.instant();
        StoredPolicy policy = policies.find(row.policyId()).orElse(null);
        Advance next = policy == null ? null : next(row, policy, base);
        if (next == null) {
            // The policy was emptied or every step and repeat is done: nothing left to page.
            if (row.state() == State.ACTIVE) {
                stop(row.incidentId(), row.number(), "EXHAUSTED", SYSTEM);
            }
            return 0;
        }
        if (!dueOnly && row.state() != State.ACTIVE) {
            next = new Advance(next.step(), next.round(), next.nextStep(), next.nextRound(), null, row.state(), false);
        }
        if (!rows.claim(row, next, dueOnly, now)) {
            return dueOnly ? 0 : -1;
        }
        if (next.dueAt() != null && next.state() == State.ACTIVE) {
            events.publishEvent(new EscalationDue(next.dueAt()));
        }
        String reason = "escalation step " + next.step() + " of policy " + policy.name()
                + (next.round() > 0 ? " (repeat " + next.round() + ")" : "");
        List<ResolvedTarget> people = targets.resolve(policy.step(next.step()).targets(), now);
        for (ResolvedTarget person : people) {
            String key = "esc:" + row.incidentId() + (row.run() > 0 ? ":run" + row.run() : "") + ":" + next.round()
                    + ":" + next.step() + ":" + person.userId();
            page(row.incidentId(), person, next.round(), next.step(), key, reason, actor, now);
        }
        events.publishEvent(new EscalationStepReached(row.incidentId(), row.number(), policy.id(), policy.name(),
                next.step(), next.round(), people.stream().map(ResolvedTarget::username).toList(), actor, now));
        if (next.exhausted()) {
            events.publishEvent(new EscalationStopped(row.incidentId(), row.number(), "EXHAUSTED", SYSTEM, now));
        }
        return next.step();
    }

    /**
     * Where paging the row's next step leads, counting delays from {@code base}; null when no step
     * is left (a policy edited to fewer steps ends its round early).
     */
    public static Advance next(EscalationRow row, StoredPolicy policy, Instant base) {
        int steps = policy.steps().size();
        int step = row.nextStep();
        int round = row.round();
        if (step > steps) {
            step = 1;
            round++;
        }
        if (steps == 0 || round > policy.repeatCount()) {
            return null;
        }
        if (step < steps) {
            Instant due = base.plus(Duration.ofMinutes(policy.step(step + 1).delayMinutes()));
            return new Advance(step, round, step + 1, round, due, State.ACTIVE, false);
        }
        if (round < policy.repeatCount()) {
            return new Advance(step, round, 1, round + 1, base.plus(Duration.ofMinutes(policy.repeatDelayMinutes())),
                    State.ACTIVE, false);
        }
        return new Advance(step, round, steps + 1, round, null, State.STOPPED, true);
    }
}
