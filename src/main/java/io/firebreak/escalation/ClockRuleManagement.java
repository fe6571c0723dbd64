package io.firebreak.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.firebreak.escalation.rules.ClockRuleInput;
import io.firebreak.escalation.rules.ClockRuleRepository;
import io.firebreak.escalation.rules.ClockRuleSchedule;
import io.firebreak.escalation.rules.ClockRuleWorker;
import io.firebreak.identity.AuditManagement;
import io.firebreak.incident.ClockKind;
import io.firebreak.incident.ClockView;
import io.firebreak.incident.IncidentSummary;
import io.firebreak.incident.IncidentView;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.severity.WorkingCalendar;
import io.firebreak.shared.NotFoundException;

/**
 * The clock rules' facade: the rules administrators keep (each change audited, and every open
 * incident's due firings recomputed after it commits), the pending and past firings of an incident,
 * and how close incidents are to missing their response and resolution targets.
 * <p>
 * Errors: unknown rule → {@code NotFoundException}; bad input → {@code InvalidInputException}
 * naming the field.
 */
@Service
public class ClockRuleManagement {

    /** The at-risk threshold when no enabled MARK_AT_RISK rule sets one. */
    public static final int DEFAULT_AT_RISK_PERCENT = 80;

    private static final Logger log = LoggerFactory.getLogger(ClockRuleManagement.class);

    private final ClockRuleRepository repository;
    private final ClockRuleInput input;
    private final ClockRuleWorker worker;
    private final SeverityManagement severity;
    private final AuditManagement audit;
    private final Clock clock;

    ClockRuleManagement(ClockRuleRepository repository, ClockRuleInput input, ClockRuleWorker worker,
            SeverityManagement severity, AuditManagement audit, Clock clock) {
        this.repository = repository;
        this.input = input;
        this.worker = worker;
        this.severity = severity;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every rule, oldest first, named in the current request's language. */
    @Transactional(readOnly = true)
    public List<ClockRuleView> list() {
        return repository.rules(LocaleContextHolder.getLocale());
    }

    @Transactional(readOnly = true)
    public ClockRuleView get(long id) {
        return repository.find(id, LocaleContextHolder.getLocale())
                .orElseThrow(() -> new NotFoundException("no clock rule " + id));
    }

    @Transactional
    public ClockRuleView create(ClockRuleDefinition definition, String actor) {
        long id = repository.insert(input.validate(definition), clock.instant());
        ClockRuleView created = get(id);
        audit.record(actor, "clock-rule", String.valueOf(id), "create", null, created);
        reconcileAfterCommit();
        return created;
    }

    @Transactional
    public ClockRuleView update(long id, ClockRuleDefinition definition, String actor) {
        ClockRuleView before = get(id);
        repository.update(id, input.validate(definition), clock.instant());
        // Rows of the old definition would fire by it: drop them, the reconciliation writes the new ones.
        repository.deleteDueOfRule(id);
        ClockRuleView after = get(id);
        audit.record(actor, "clock-rule", String.valueOf(id), "update", before, after);
        reconcileAfterCommit();
        return after;
    }

    @Transactional
    public void delete(long id, String actor) {
        ClockRuleView before = get(id);
        repository.delete(id);
        audit.record(actor, "clock-rule", String.valueOf(id), "delete", before, null);
    }

    /** The incident's pending firings, earliest first, named in the current request's language. */
    @Transactional(readOnly = true)
    public List<ClockRuleDue> pending(long incidentId) {
        Map<Long, String> names = names();
        return repository.dueOf(incidentId).stream()
                .map(d -> new ClockRuleDue(d.ruleId(), names.getOrDefault(d.ruleId(), "#" + d.ruleId()), d.dueAt()))
                .toList();
    }

    /** The incident's past firings, oldest first (a deleted rule shows as "#id"). */
    @Transactional(readOnly = true)
    public List<ClockRuleFiring> firings(long incidentId) {
        Map<Long, String> names = names();
        return repository.firings(incidentId).stream().map(f -> new ClockRuleFiring(f.ruleId(),
                names.getOrDefault(f.ruleId(), "#" + f.ruleId()), f.period(), f.dueAt())).toList();
    }

    /** The at-risk threshold: the lowest percentage of the enabled MARK_AT_RISK rules, else 80. */
    @Transactional(readOnly = true)
    public int atRiskPercent() {
        return repository.enabledRules().stream().filter(r -> r.actions().contains(ClockRuleAction.MARK_AT_RISK))
                .mapToInt(ClockRuleView::after).min().orElse(DEFAULT_AT_RISK_PERCENT);
    }

    /** Per incident, the worst state of its clocks now (levels looked up in the active scheme). */
    @Transactional(readOnly = true)
    public Map<Long, ClockRisk> risks(Collection<IncidentSummary> incidents) {
        Instant now = clock.instant();
        int percent = atRiskPercent();
        WorkingCalendar calendar = severity.calendar();
        Map<String, Predicate<ClockKind>> businessByLevel = new HashMap<>();
        Map<Long, ClockRisk> out = new LinkedHashMap<>();
        for (IncidentSummary i : incidents) {
            Predicate<ClockKind> business = businessByLevel.computeIfAbsent(i.levelCode(),
                    code -> ClockRuleSchedule.businessTargets(severity.findLevel(code)));
            out.put(i.id(), risk(i.id(), i.clocks(), business, percent, calendar, now));
        }
        return out;
    }

    /** The worst state of one incident's clocks now. */
    @Transactional(readOnly = true)
    public ClockRisk risk(IncidentView incident) {
        return risk(incident.id(), incident.clocks(),
                ClockRuleSchedule.businessTargets(severity.findLevel(incident.schemeCode(), incident.levelCode())),
                atRiskPercent(), severity.calendar(), clock.instant());
    }

    private static ClockRisk risk(long id, List<ClockView> clocks, Predicate<ClockKind> business, int percent,
            WorkingCalendar calendar, Instant now) {
        ClockRisk worst = new ClockRisk(id, ClockRiskState.OK, null, null, null);
        for (ClockView c : clocks.stream().filter(c -> c.dueAt() != null)
                .sorted(Comparator.comparing(ClockView::dueAt)).toList()) {
            Instant atRisk = ClockRuleSchedule.atRiskAt(c, percent, business.test(c.kind()), calendar);
            ClockRiskState state;
            if (c.breachedAt() != null || (c.running() && now.isAfter(c.dueAt()))
                    || (c.stoppedAt() != null && c.stoppedAt().isAfter(c.dueAt()))) {
                state = ClockRiskState.BREACHED;
            } else if (c.running() && !now.isBefore(atRisk)) {
                state = ClockRiskState.AT_RISK;
            } else {
                continue;
            }
            if (state.compareTo(worst.state()) > 0) {
                worst = new ClockRisk(id, state, c.kind(), atRisk, c.dueAt());
            }
        }
        return worst;
    }

    private Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        list().forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    private void reconcileAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    worker.reconcile();
                } catch (RuntimeException e) {
                    // The change is committed; the scheduled reconciling pass writes the rows instead.
                    log.warn("Recomputing due clock rules after a rule change failed", e);
                }
            }
        });
    }

}
