package io.firebreak.escalation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceView;
import io.firebreak.escalation.internal.Advance;
import io.firebreak.escalation.internal.EscalationEngine;
import io.firebreak.escalation.internal.EscalationRepository;
import io.firebreak.escalation.internal.EscalationRow;
import io.firebreak.escalation.internal.PolicyInput;
import io.firebreak.escalation.internal.PolicyRepository;
import io.firebreak.escalation.internal.ResolvedTarget;
import io.firebreak.escalation.internal.StoredPolicy;
import io.firebreak.escalation.internal.TargetResolver;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.oncall.OncallManagement;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The escalation module's facade: escalation policies (audited upkeep; names unique ignoring case;
 * at most one default; a service escalates with one policy at most) and the escalation of each
 * incident (its state, "escalate now", "reassign"). {@code ref} is an incident's id or number.
 * <p>
 * Errors: bad input → {@code InvalidInputException} naming the field; unknown policy or incident →
 * {@code NotFoundException}; a duplicate name, deleting a policy that is escalating incidents, or
 * acting on a resolved or closed incident → {@code ConflictException}.
 */
@Service
public class EscalationManagement {

    private static final int CLAIM_ATTEMPTS = 3;

    private final PolicyRepository policies;
    private final EscalationRepository rows;
    private final EscalationEngine engine;
    private final TargetResolver targets;
    private final CatalogManagement catalog;
    private final IncidentManagement incidents;
    private final OncallManagement oncall;
    private final UserManagement users;
    private final AuditManagement audit;
    private final Clock clock;

    EscalationManagement(PolicyRepository policies, EscalationRepository rows, EscalationEngine engine,
            TargetResolver targets, CatalogManagement catalog, IncidentManagement incidents, OncallManagement oncall,
            UserManagement users, AuditManagement audit, Clock clock) {
        this.policies = policies;
        this.rows = rows;
        this.engine = engine;
        this.targets = targets;
        this.catalog = catalog;
        this.incidents = incidents;
        this.oncall = oncall;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every policy, by name. */
    @Transactional(readOnly = true)
    public List<PolicyView> policies() {
        List<StoredPolicy> all = policies.all();
        Map<Long, String> serviceNames = catalog.list().stream()
                .collect(Collectors.toMap(ServiceView::id, ServiceView::name));
        return all.stream().map(p -> view(p, serviceNames)).toList();
    }

    @Transactional(readOnly = true)
    public PolicyView policy(long id) {
        return view(stored(id), null);
    }

    @Transactional
    public PolicyView create(PolicyDefinition definition, String actor) {
        policies.lock();
        PolicyInput.Valid v = valid(definition, null);
        long id = policies.insert(v.name(), v.description(), v.repeatCount(), v.repeatDelayMinutes(), v.isDefault(),
                clock.instant());
        write(id, v);
        PolicyView created = policy(id);
        audit.record(actor, "escalation-policy", String.valueOf(id), "created", null, created);
        return created;
    }

    /** Replaces every field of a policy; running escalations use the new steps from their next step on. */
    @Transactional
    public PolicyView update(long id, PolicyDefinition definition, String actor) {
        policies.lock();
        PolicyView before = policy(id);
        PolicyInput.Valid v = valid(definition, id);
        policies.update(id, v.name(), v.description(), v.repeatCount(), v.repeatDelayMinutes(), v.isDefault(),
                clock.instant());
        write(id, v);
        PolicyView after = policy(id);
        audit.record(actor, "escalation-policy", String.valueOf(id), "updated", before, after);
        return after;
    }

    /** Deletes a policy; refused while it is escalating an incident. */
    @Transactional
    public void delete(long id, String actor) {
        policies.lock();
        PolicyView before = policy(id);
        if (rows.activeFor(id)) {
            throw new ConflictException("Policy " + before.name()
                    + " is escalating open incidents; wait until they are acknowledged or resolved.");
        }
        policies.delete(id);
        audit.record(actor, "escalation-policy", String.valueOf(id), "deleted", before, null);
    }

    /** The incident's escalation: policy, current and next step, next page due, everyone paged. */
    @Transactional(readOnly = true)
    public EscalationState state(String ref) {
        IncidentView incident = incidents.get(ref);
        EscalationRow row = rows.find(incident.id()).orElse(null);
        List<EscalationState.Page> pages = rows.pages(incident.id());
        if (row == null) {
            return new EscalationState(incident.id(), incident.number(), "NOT_STARTED", null, null, null, null, 0, 0,
                    0, null, null, null, null, pages);
        }
        StoredPolicy policy = row.policyId() == null ? null : policies.find(row.policyId()).orElse(null);
        Advance next = policy == null ? null : engineNext(row, policy);
        boolean active = row.state() == EscalationRow.State.ACTIVE;
        return new EscalationState(incident.id(), incident.number(), row.state().name(), row.policyId(),
                row.policyName(), row.lastStep(), next == null ? null : next.step(),
                next == null ? row.round() : next.round(), policy == null ? 0 : policy.steps().size(),
                policy == null ? 0 : policy.repeatCount(), active ? row.dueAt() : null, row.stopReason(),
                row.stoppedBy(), row.stoppedAt(), pages);
    }

    /**
     * Pages the next step of the incident's escalation now (and moves its schedule on from
     * there); starts the service's (or default) policy if none is running. Returns the step
     * reached, or 0 when there is no policy or no step left.
     */
    @Transactional
    public int escalateNow(String incidentRef, String actor) {
        IncidentView incident = open(incidentRef);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            int step = engine.escalateNow(incident, actor);
            if (step >= 0) {
                return step;
            }
        }
        throw new ConflictException("The escalation of " + incident.number() + " moved on meanwhile; try again.");
    }

    /**
     * Hands the incident to a person (or whoever is on call on a schedule now): pages them at once,
     * makes them the incident's ON_CALL and stops the automatic escalation (REASSIGNED).
     */
    @Transactional
    public EscalationState reassign(String ref, Reassignment to, String actor) {
        IncidentView incident = open(ref);
        if (to == null || (to.userId() == null) == (to.scheduleId() == null)) {
            throw new InvalidInputException("userId", "give exactly one of userId and scheduleId");
        }
        ResolvedTarget person = to.userId() != null ? user(to.userId()) : onCall(to.scheduleId());
        incidents.assignRole(incident.number(), actor, IncidentRole.ON_CALL, person.userId());
        int n = rows.reassignments(incident.id()) + 1;
        String key = "esc:" + incident.id() + ":reassign" + n + ":" + person.userId();
        try {
            engine.page(incident.id(), person, n, 0, key, "reassigned to you by " + actor, actor, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another reassignment of " + incident.number() + " happened meanwhile; try again.");
        }
        engine.stop(incident.id(), incident.number(), "REASSIGNED", actor);
        return state(incident.number());
    }

    private ResolvedTarget user(long userId) {
        UserView u = users.findById(userId)
                .orElseThrow(() -> new InvalidInputException("userId", "no user with id " + userId));
        return new ResolvedTarget(u.id(), u.username(), TargetKind.USER, u.username());
    }

    private ResolvedTarget onCall(long scheduleId) {
        var schedule = oncall.schedule(scheduleId)
                .orElseThrow(() -> new InvalidInputException("scheduleId", "no schedule with id " + scheduleId));
        var shift = oncall.onCall(scheduleId, clock.instant()).orElseThrow(
                () -> new InvalidInputException("scheduleId", "nobody is on call on " + schedule.name() + " now"));
        return new ResolvedTarget(shift.userId(), shift.username(), TargetKind.SCHEDULE, schedule.name());
    }

    private IncidentView open(String ref) {
        IncidentView incident = incidents.get(ref);
        IncidentStatus s = incident.status();
        if (s == IncidentStatus.RESOLVED || s == IncidentStatus.VERIFIED || s == IncidentStatus.CLOSED) {
            throw new ConflictException(incident.number() + " is " + s.name().toLowerCase() + "; nothing to escalate.");
        }
        return incident;
    }

    private static Advance engineNext(EscalationRow row, StoredPolicy policy) {
        return EscalationEngine.next(row, policy, row.dueAt() == null ? java.time.Instant.EPOCH : row.dueAt());
    }

    private PolicyInput.Valid valid(PolicyDefinition definition, Long self) {
        PolicyInput.Valid v = PolicyInput.check(definition, targets::exists);
        catalog.getAll(v.serviceIds(), "serviceIds");
        policies.idByName(v.name()).filter(id -> !id.equals(self)).ifPresent(id -> {
            throw new ConflictException("A policy named " + v.name() + " already exists.");
        });
        return v;
    }

    private void write(long id, PolicyInput.Valid v) {
        if (v.isDefault()) {
            policies.clearDefaultExcept(id);
        }
        policies.writeSteps(id, v.steps());
        policies.writeServices(id, v.serviceIds());
    }

    private StoredPolicy stored(long id) {
        return policies.find(id).orElseThrow(() -> new NotFoundException("No escalation policy with id " + id));
    }

    private PolicyView view(StoredPolicy p, Map<Long, String> serviceNames) {
        Function<Long, String> serviceName = serviceNames != null
                ? id -> serviceNames.getOrDefault(id, "#" + id)
                : id -> catalog.find(id).map(ServiceView::name).orElse("#" + id);
        return new PolicyView(p.id(), p.name(), p.description(), p.repeatCount(), p.repeatDelayMinutes(),
                p.isDefault(), p.serviceIds().stream().map(id -> new PolicyView.ServiceLabel(id, serviceName.apply(id)))
                        .toList(),
                p.steps().stream().map(s -> new PolicyView.StepView(s.step(), s.delayMinutes(), s.targets().stream()
                        .map(t -> new PolicyView.TargetView(t.kind(), t.refId(), targets.label(t.kind(), t.refId())))
                        .toList())).toList(),
                p.updatedAt());
    }
}
