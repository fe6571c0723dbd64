package io.firebreak.escalation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.escalation.ClockRuleView;
import io.firebreak.incident.ClockKind;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.NotFoundException;

/**
 * Keeps each open incident's due rows equal to what its rules say ({@link #recompute}) and fires a
 * due row ({@link #fire}): the claim, the re-check against the incident's current state (never
 * early, never for an incident that stopped matching), the unique fired row, the actions and the
 * next due row all commit in one transaction of their own.
 */
@Component
public class ClockRuleEngine {

    private static final Logger log = LoggerFactory.getLogger(ClockRuleEngine.class);

    private final ClockRuleRepository repository;
    private final IncidentManagement incidents;
    private final SeverityManagement severity;
    private final ClockRuleActions actions;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    ClockRuleEngine(ClockRuleRepository repository, IncidentManagement incidents, SeverityManagement severity,
            ClockRuleActions actions, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
        this.incidents = incidents;
        this.severity = severity;
        this.actions = actions;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Rewrites the incident's due rows from its current state; a gone or closed incident keeps
     * none. A concurrent recompute of the same incident may win instead (both write the same rows).
     */
    public void recompute(long incidentId, Instant now) {
        try {
            tx.executeWithoutResult(status -> writeDue(incidentId, now));
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            log.debug("Concurrent recompute of incident {}: {}", incidentId, e.getMessage());
        }
    }

    /** Fires one due row if it is still due and still right; true when this caller fired it. */
    public boolean fire(ClockRuleRepository.Due due, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> fireClaimed(due, now)));
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException
                | OptimisticLockingFailureException e) {
            // Another instance fired the same period, or the incident changed under us: the
            // unique fired row or the version check rolled this attempt back; the next pass re-checks.
            log.debug("Clock rule firing {} not done: {}", due, e.getMessage());
            return false;
        }
    }

    private Boolean fireClaimed(ClockRuleRepository.Due due, Instant now) {
        if (!repository.claim(due, now)) {
            return false;
        }
        Optional<IncidentView> incident = incident(due.incidentId());
        Optional<ClockRuleView> rule = repository.find(due.ruleId(), Locale.ENGLISH)
                .filter(ClockRuleView::enabled);
        if (incident.isEmpty() || rule.isEmpty()) {
            return false;
        }
        Set<String> fired = repository.firedPeriods(due.incidentId()).getOrDefault(due.ruleId(), Set.of());
        Optional<ClockRuleSchedule.Firing> firing = ClockRuleSchedule.pending(rule.get(), incident.get(), fired, now,
                severity.calendar(), businessTargets(incident.get())).stream()
                .filter(f -> f.period().equals(due.period()) && !f.dueAt().isAfter(now)).findFirst();
        if (firing.isPresent()) {
            repository.insertFired(due.ruleId(), due.incidentId(), due.period(), now);
            actions.run(rule.get(), incident.get(), firing.get(), now);
        }
        // The row was stale or has fired: either way the incident's rows are brought up to date.
        writeDue(due.incidentId(), now);
        return firing.isPresent();
    }

    private void writeDue(long incidentId, Instant now) {
        Optional<IncidentView> found = incident(incidentId);
        if (found.isEmpty()) {
            repository.replaceDue(incidentId, List.of());
            return;
        }
        IncidentView incident = found.get();
        Map<Long, Set<String>> fired = repository.firedPeriods(incidentId);
        var calendar = severity.calendar();
        Predicate<ClockKind> business = businessTargets(incident);
        List<ClockRuleRepository.Due> rows = new ArrayList<>();
        for (ClockRuleView rule : repository.enabledRules()) {
            for (var f : ClockRuleSchedule.pending(rule, incident, fired.getOrDefault(rule.id(), Set.of()), now,
                    calendar, business)) {
                rows.add(new ClockRuleRepository.Due(incidentId, rule.id(), f.period(), f.dueAt()));
            }
        }
        repository.replaceDue(incidentId, rows).ifPresent(due -> events.publishEvent(new ClockRuleDueWritten(due)));
    }

    private Optional<IncidentView> incident(long id) {
        try {
            return Optional.of(incidents.get(String.valueOf(id)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether each clock of the incident's level counts working time. */
    private Predicate<ClockKind> businessTargets(IncidentView incident) {
        return ClockRuleSchedule.businessTargets(severity.findLevel(incident.schemeCode(), incident.levelCode()));
    }
}
