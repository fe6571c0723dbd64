package io.firebreak.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.grouping.GroupingStore;
import io.firebreak.incident.internal.Incident;
import io.firebreak.incident.internal.IncidentClock;
import io.firebreak.incident.internal.IncidentInput;
import io.firebreak.incident.internal.IncidentRefs;
import io.firebreak.incident.internal.IncidentRepository;
import io.firebreak.severity.SeverityLevelView;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.severity.TriageManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;

/**
 * The incident module's facade. {@code ref} is an incident's id ("12") or number ("INC-12",
 * case-insensitive). {@code actor} is the acting user's username. Every change commits together
 * with its event (and so its timeline entry) and its audit entry, and returns the incident as it is
 * afterwards.
 * <p>
 * Errors: unknown incident → {@code NotFoundException}; bad input → {@code InvalidInputException}
 * naming the field; an illegal transition → {@code ConflictException} saying why; a rule reserved
 * to commanders → {@code PermissionDeniedException}; a concurrent change of the same incident →
 * {@code OptimisticLockingFailureException} (the API answers 409).
 */
@Service
public class IncidentManagement {

    private final IncidentRepository repository;
    private final SeverityManagement severity;
    private final TriageManagement triageManagement;
    private final CatalogManagement catalog;
    private final UserManagement users;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupingStore grouping;

    IncidentManagement(IncidentRepository repository, SeverityManagement severity, TriageManagement triageManagement,
            CatalogManagement catalog, UserManagement users, AuditManagement audit, ApplicationEventPublisher events,
            Clock clock, GroupingStore grouping) {
        this.grouping = grouping;
        this.repository = repository;
        this.severity = severity;
        this.triageManagement = triageManagement;
        this.catalog = catalog;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Declares an incident in DETECTED. The level is {@code levelCode}, or the triage
     * recommendation when only answers are given; with answers the level counts as confirmed.
     */
    @Transactional
    public IncidentView declare(DeclareIncident command, String actor) {
        IncidentInput.notNull("body", command);
        String title = IncidentInput.required("title", command.title(), IncidentInput.TITLE_MAX);
        String description = IncidentInput.optional("description", command.description(), IncidentInput.TEXT_MAX);
        String impact = IncidentInput.optional("impactSummary", command.impactSummary(), IncidentInput.SHORT_MAX);
        List<ServiceRef> services = services(command.serviceIds());
        Instant now = now();
        Instant detectedAt = command.detectedAt() == null ? now
                : command.detectedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (detectedAt.isAfter(now)) {
            throw new InvalidInputException("detectedAt", "cannot be in the future");
        }
        SeverityLevelView level = chooseLevel(command.levelCode(), command.triage());
        boolean confirmed = command.triage() != null;
        long seq = repository.nextSeq();
        Incident incident = Incident.declare(seq, title, description, services, level(level, detectedAt), confirmed,
                command.triage(), impact, detectedAt, actor, now);
        long id = repository.insert(incident);
        var event = new IncidentDeclared(id, incident.number(), actor, now, title, level.code(), confirmed, detectedAt);
        events.publishEvent(event);
        audit.record(actor, "incident", String.valueOf(id), "declare", null, event);
        return view(id);
    }

    @Transactional(readOnly = true)
    public IncidentView get(String ref) {
        return view(resolve(ref));
    }

    /** The id of the incident {@code ref} names (an id or "INC-n"), or {@code NotFoundException}. */
    @Transactional(readOnly = true)
    public long idOf(String ref) {
        return resolve(ref);
    }

    /** The incident's current version (it grows with every change), or {@code NotFoundException}. */
    @Transactional(readOnly = true)
    public long versionOf(long incidentId) {
        return repository.versionOf(incidentId).orElseThrow(() -> notFound(String.valueOf(incidentId)));
    }

    /**
     * Whether {@code username} may close this incident before it is VERIFIED: a global COMMANDER or
     * ADMIN, or the incident's own commander (lets a page show or hide that choice).
     */
    @Transactional(readOnly = true)
    public boolean mayCloseUnverified(String ref, String username) {
        Incident incident = repository.find(resolve(ref)).orElseThrow(() -> notFound(ref));
        return isCommander(incident, username);
    }

    /** Matching incidents, newest detection first. */
    @Transactional(readOnly = true)
    public PageResult<IncidentSummary> search(IncidentFilter filter, PageRequest page) {
        return repository.search(filter == null ? IncidentFilter.all() : filter, page, this::levelName);
    }

    /** Incidents not yet CLOSED, most severe first, then oldest first. */
    @Transactional(readOnly = true)
    public List<IncidentSummary> open() {
        return repository.open(this::levelName);
    }

    @Transactional
    public IncidentView acknowledge(String ref, String actor) {
        return advance(ref, actor, IncidentStatus.ACKNOWLEDGED);
    }

    @Transactional
    public IncidentView investigate(String ref, String actor) {
        return advance(ref, actor, IncidentStatus.INVESTIGATING);
    }

    @Transactional
    public IncidentView mitigate(String ref, String actor) {
        return advance(ref, actor, IncidentStatus.MITIGATED);
    }

    @Transactional
    public IncidentView resolve(String ref, String actor) {
        return advance(ref, actor, IncidentStatus.RESOLVED);
    }

    /** Moves to VERIFIED; every item of the verification checklist must have passed. */
    @Transactional
    public IncidentView verify(String ref, String actor) {
        return verify(ref, actor, Set.of());
    }

    /**
     * Ticks the given checklist items as passed (those not passed yet) and then moves to VERIFIED,
     * in one transaction: if verification is refused, the ticks are not kept either.
     */
    @Transactional
    public IncidentView verify(String ref, String actor, Collection<VerificationCheck> passedChecks) {
        return change(ref, actor, "verify", (i, now) -> {
            List<IncidentEvent> out = new ArrayList<>();
            for (VerificationCheck check : passedChecks == null ? Set.<VerificationCheck>of() : Set.copyOf(passedChecks)) {
                boolean alreadyPassed = i.verification().stream().anyMatch(v -> v.check() == check && v.passed());
                if (!alreadyPassed) {
                    i.checkVerification(check, true, null, actor, now);
                    out.add(new VerificationChecked(i.id(), i.number(), actor, now, check, true, null));
                }
            }
            IncidentStatus from = i.verify(actor, now);
            out.add(new IncidentStageChanged(i.id(), i.number(), actor, now, from, IncidentStatus.VERIFIED));
            return out;
        });
    }

    /**
     * Closes. From VERIFIED anyone who may respond can close; from an earlier status it needs a
     * commander (global role COMMANDER or ADMIN, or the incident's commander) and a reason; a false
     * alarm may be closed from any open status with a reason.
     */
    @Transactional
    public IncidentView close(String ref, String actor, String reason, boolean falseAlarm) {
        String why = IncidentInput.optional("reason", reason, IncidentInput.SHORT_MAX);
        return change(ref, actor, "close", (i, now) -> {
            IncidentStatus from = i.close(actor, now, why, falseAlarm, isCommander(i, actor));
            return List.of(new IncidentClosed(i.id(), i.number(), actor, now, from, why, falseAlarm));
        });
    }

    /** From RESOLVED, VERIFIED or CLOSED back to INVESTIGATING; needs a reason. */
    @Transactional
    public IncidentView reopen(String ref, String actor, String reason) {
        String why = IncidentInput.optional("reason", reason, IncidentInput.SHORT_MAX);
        return change(ref, actor, "reopen", (i, now) -> {
            IncidentStatus from = i.reopen(actor, now, why);
            return List.of(new IncidentReopened(i.id(), i.number(), actor, now, from, why));
        });
    }

    /** Ticks or unticks one verification item. */
    @Transactional
    public IncidentView checkVerification(String ref, String actor, VerificationCheck check, boolean passed,
            String note) {
        IncidentInput.notNull("check", check);
        String text = IncidentInput.optional("note", note, IncidentInput.SHORT_MAX);
        return change(ref, actor, "check-verification", (i, now) -> {
            i.checkVerification(check, passed, text, actor, now);
            return List.of(new VerificationChecked(i.id(), i.number(), actor, now, check, passed, text));
        });
    }

    /**
     * Sets and confirms the level (stamping TRIAGED the first time). Changing to a different level
     * needs a reason; {@code triage} optionally replaces the recorded answers. Without a level code
     * the triage recommendation for the answers is taken.
     */
    @Transactional
    public IncidentView changeSeverity(String ref, String actor, String levelCode, String reason,
            TriageAnswers triage) {
        String why = IncidentInput.optional("reason", reason, IncidentInput.SHORT_MAX);
        SeverityLevelView level = chooseLevel(levelCode, triage);
        return change(ref, actor, "change-severity", (i, now) -> {
            var result = i.changeLevel(level(level, i.detectedAt()), why, triage, actor, now);
            if (!result.anything()) {
                return List.of();
            }
            return List.of(new IncidentSeverityChanged(i.id(), i.number(), actor, now, result.fromLevel(),
                    result.toLevel(), result.firstConfirmation(), result.changed() ? why : null));
        });
    }

    @Transactional
    public IncidentView assignRole(String ref, String actor, IncidentRole role, long userId) {
        IncidentInput.notNull("role", role);
        UserView user = users.findById(userId)
                .orElseThrow(() -> new InvalidInputException("userId", "no user with id " + userId));
        if (!user.enabled()) {
            throw new InvalidInputException("userId", "user " + user.username() + " is disabled");
        }
        return change(ref, actor, "assign-role", (i, now) -> {
            RoleAssignment current = i.role(role);
            if (current != null && current.userId() == userId) {
                return List.of();
            }
            String previous = i.assignRole(new RoleAssignment(role, user.id(), user.username(), user.displayName(), now),
                    now);
            return List.of(new IncidentRoleAssigned(i.id(), i.number(), actor, now, role, user.id(), user.username(),
                    previous));
        });
    }

    @Transactional
    public IncidentView unassignRole(String ref, String actor, IncidentRole role) {
        IncidentInput.notNull("role", role);
        return change(ref, actor, "unassign-role", (i, now) -> {
            String previous = i.unassignRole(role, now);
            return List.of(new IncidentRoleUnassigned(i.id(), i.number(), actor, now, role, previous));
        });
    }

    /** Adds a note or status update; allowed in every status, CLOSED included. */
    @Transactional
    public IncidentView addNote(String ref, String actor, NoteKind kind, String body) {
        NoteKind k = kind == null ? NoteKind.NOTE : kind;
        String text = IncidentInput.required("body", body, IncidentInput.TEXT_MAX);
        return change(ref, actor, "add-note", (i, now) -> {
            i.noteAdded(now);
            long noteId = repository.insertNote(i.id(), k, text, actor, now);
            return List.of(new IncidentNoteAdded(i.id(), i.number(), actor, now, noteId, k, text));
        });
    }

    @Transactional
    public IncidentView recordAction(String ref, String actor, MitigationKind kind, String description,
            ActionOutcome outcome, String outcomeNote) {
        IncidentInput.notNull("kind", kind);
        String what = IncidentInput.required("description", description, IncidentInput.SHORT_MAX);
        ActionOutcome result = outcome == null ? ActionOutcome.IN_PROGRESS : outcome;
        String note = IncidentInput.optional("outcomeNote", outcomeNote, IncidentInput.SHORT_MAX);
        return change(ref, actor, "record-action", (i, now) -> {
            i.requireChangeable(now);
            long actionId = repository.insertAction(i.id(), kind, what, result, note, actor, now);
            return List.of(new MitigationActionRecorded(i.id(), i.number(), actor, now, actionId, kind, what, result,
                    note));
        });
    }

    @Transactional
    public IncidentView updateAction(String ref, String actor, long actionId, ActionOutcome outcome,
            String outcomeNote) {
        IncidentInput.notNull("outcome", outcome);
        String note = IncidentInput.optional("outcomeNote", outcomeNote, IncidentInput.SHORT_MAX);
        return change(ref, actor, "update-action", (i, now) -> {
            MitigationActionView action = repository.action(i.id(), actionId)
                    .orElseThrow(() -> new NotFoundException("No mitigation action " + actionId + " on " + i.number()));
            i.requireChangeable(now);
            repository.updateAction(actionId, outcome, note, now);
            return List.of(new MitigationActionUpdated(i.id(), i.number(), actor, now, actionId, action.kind(),
                    action.description(), outcome, note));
        });
    }

    @Transactional
    public IncidentView updateCause(String ref, String actor, String directCause, RootCauseCategory category,
            String rootCause) {
        String direct = IncidentInput.optional("directCause", directCause, IncidentInput.TEXT_MAX);
        String root = IncidentInput.optional("rootCause", rootCause, IncidentInput.TEXT_MAX);
        return change(ref, actor, "update-cause", (i, now) -> {
            i.updateCause(direct, category, root, now);
            return List.of(new IncidentCauseUpdated(i.id(), i.number(), actor, now, direct, category, root));
        });
    }

    /** Links a ticket (an http or https URL, e.g. Jira or GitHub); null or blank removes it. */
    @Transactional
    public IncidentView linkTicket(String ref, String actor, String url) {
        String link = IncidentInput.url("url", url);
        return change(ref, actor, "link-ticket", (i, now) -> {
            i.linkTicket(link, now);
            return List.of(new IncidentTicketLinked(i.id(), i.number(), actor, now, link));
        });
    }

    /** Edits title, description, affected services and impact summary (null leaves a field as it is). */
    @Transactional
    public IncidentView updateDetails(String ref, String actor, String title, String description,
            List<Long> serviceIds, String impactSummary) {
        String newTitle = title == null ? null : IncidentInput.required("title", title, IncidentInput.TITLE_MAX);
        String newDescription = description == null ? null
                : emptyIfNull(IncidentInput.optional("description", description, IncidentInput.TEXT_MAX));
        String newImpact = impactSummary == null ? null
                : emptyIfNull(IncidentInput.optional("impactSummary", impactSummary, IncidentInput.SHORT_MAX));
        List<ServiceRef> newServices = serviceIds == null ? null : services(serviceIds);
        return change(ref, actor, "update-details", (i, now) -> {
            List<String> fields = i.updateDetails(newTitle, newDescription, newServices, newImpact, now);
            return fields.isEmpty() ? List.of()
                    : List.of(new IncidentDetailsUpdated(i.id(), i.number(), actor, now, fields));
        });
    }

    // ---- alerts ---------------------------------------------------------------------------

    /** The ids (in the alert module) of the alerts linked to this incident, oldest link first. */
    @Transactional(readOnly = true)
    public List<Long> alertIdsOf(String ref) {
        return grouping.links(resolve(ref)).stream().map(IncidentAlertView::alertId).toList();
    }

    /** The alerts linked to this incident as grouping recorded them, oldest link first. */
    @Transactional(readOnly = true)
    public List<IncidentAlertView> alertsOf(String ref) {
        return grouping.links(resolve(ref));
    }

    /**
     * Records that alerts were attached to the incident (the links themselves are written by the
     * incident module's grouping in the same transaction) and, when {@code newTitle} is not null,
     * retitles the incident without a separate details event: one load and one write of the
     * incident and one {@link IncidentAlertsAttached} for them all, in the given order. For the
     * incident module's grouping.
     */
    @Transactional
    public void alertsAttached(String ref, List<IncidentAlertsAttached.Attachment> attachments, String newTitle) {
        if (attachments.isEmpty()) {
            return;
        }
        String actor = attachments.get(0).actor();
        apply(ref, actor, "alert-attached", (i, now) -> {
            retitle(i, newTitle, now);
            return List.of(new IncidentAlertsAttached(i.id(), i.number(), actor, now, attachments));
        }, false);
    }

    /**
     * Records that an alert of the incident resolved (see {@link #alertsAttached}); with
     * {@code autoResolve} the caller then moves the incident to RESOLVED.
     */
    @Transactional
    public void alertResolved(String ref, String actor, long alertId, String alertTitle, int firingAlerts,
            int totalAlerts, boolean autoResolve, String newTitle) {
        apply(ref, actor, "alert-resolved", (i, now) -> {
            retitle(i, newTitle, now);
            return List.of(new IncidentAlertResolved(i.id(), i.number(), actor, now, alertId, alertTitle,
                    firingAlerts, totalAlerts, autoResolve));
        }, false);
    }

    private static void retitle(Incident incident, String newTitle, Instant now) {
        if (newTitle != null && incident.status() != IncidentStatus.CLOSED) {
            incident.updateDetails(IncidentInput.required("title", newTitle, IncidentInput.TITLE_MAX), null, null,
                    null, now);
        }
    }

    // ---- internals ------------------------------------------------------------------------

    private interface Change {
        List<IncidentEvent> apply(Incident incident, Instant now);
    }

    /**
     * Loads, applies, stores with the version check, then publishes the events (their timeline
     * entries join this transaction) and audits. A change that produced no event leaves the incident as it is.
     */
    private IncidentView change(String ref, String actor, String action, Change change) {
        return view(apply(ref, actor, action, change, true));
    }

    /**
     * Loads, changes, stores and announces the incident; returns its id (no view: alert grouping's
     * hot path). {@code audited} false leaves the audit log out: alert attachments and resolutions
     * are the machine's, recorded on the timeline with the same facts, and would flood the log of
     * people's changes during an alert storm.
     */
    private long apply(String ref, String actor, String action, Change change, boolean audited) {
        // An id needs no look-up of its own: loading the aggregate tells whether it exists.
        Long direct = IncidentRefs.idOf(ref);
        long id = direct != null ? direct : resolve(ref);
        Incident incident = repository.find(id).orElseThrow(() -> notFound(ref));
        Map<String, Object> before = audited ? snapshot(incident) : null;
        Incident.Children childrenBefore = incident.children();
        List<ClockView> clocksBefore = clockViews(incident);
        Instant now = now();
        List<IncidentEvent> produced = change.apply(incident, now);
        if (produced.isEmpty()) {
            return id;
        }
        repository.update(incident, !incident.children().equals(childrenBefore),
                !clockViews(incident).equals(clocksBefore));
        for (IncidentEvent event : produced) {
            events.publishEvent(event);
        }
        if (audited) {
            audit.record(actor, "incident", String.valueOf(id), action, before,
                    produced.size() == 1 ? produced.get(0) : produced);
        }
        return id;
    }

    private static List<ClockView> clockViews(Incident incident) {
        return incident.clocks().stream().map(IncidentClock::view).toList();
    }

    private IncidentView advance(String ref, String actor, IncidentStatus target) {
        return change(ref, actor, target.name().toLowerCase(Locale.ROOT), (i, now) -> {
            IncidentStatus from = i.advance(target, actor, now);
            return List.of(new IncidentStageChanged(i.id(), i.number(), actor, now, from, target));
        });
    }

    /** Microseconds are what both databases store; truncating keeps views and stored rows equal. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Map<String, Object> snapshot(Incident i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", i.number());
        s.put("status", i.status());
        s.put("level", i.levelCode());
        s.put("version", i.version());
        return s;
    }

    private boolean isCommander(Incident incident, String actor) {
        boolean global = users.findByUsername(actor).map(u -> u.role().includes(Role.COMMANDER)).orElse(false);
        RoleAssignment commander = incident.role(IncidentRole.COMMANDER);
        return global || (commander != null && commander.username().equals(actor));
    }

    private SeverityLevelView chooseLevel(String levelCode, TriageAnswers answers) {
        if (levelCode != null && !levelCode.isBlank()) {
            return severity.level(levelCode.strip(), "level");
        }
        if (answers != null) {
            var recommendation = triageManagement.recommend(answers, Locale.ENGLISH);
            return severity.level(recommendation.levelCode(), "level");
        }
        throw new InvalidInputException("level", "is required unless triage answers are given");
    }

    private Incident.Level level(SeverityLevelView level, Instant detectedAt) {
        return new Incident.Level(severity.activeScheme().code(), level.code(), level.name(), level.rank(),
                level.responseTarget() == null ? null : severity.dueAt(detectedAt, level.responseTarget()),
                level.resolutionTarget() == null ? null : severity.dueAt(detectedAt, level.resolutionTarget()));
    }

    private List<ServiceRef> services(List<Long> ids) {
        if (ids != null && ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("serviceIds", "must not contain null");
        }
        return catalog.getAll(ids, "serviceIds").stream().map(s -> new ServiceRef(s.id(), s.name())).toList();
    }

    private long resolve(String ref) {
        Long id = IncidentRefs.idOf(ref);
        if (id != null) {
            if (repository.seqOf(id).isEmpty()) {
                throw notFound(ref);
            }
            return id;
        }
        Long seq = IncidentRefs.seqOf(ref);
        if (seq != null) {
            return repository.idBySeq(seq).orElseThrow(() -> notFound(ref));
        }
        throw notFound(ref);
    }

    private static NotFoundException notFound(String ref) {
        return new NotFoundException("No incident " + ref);
    }

    private IncidentView view(long id) {
        Incident i = repository.find(id).orElseThrow(() -> notFound(String.valueOf(id)));
        return new IncidentView(i.id(), i.number(), i.title(), i.description(), i.status(), i.schemeCode(),
                i.levelCode(), levelName(i.schemeCode(), i.levelCode(), i.levelName()), i.levelRank(),
                i.levelConfirmed(), i.services(), i.triage(),
                i.impactSummary(), i.stages(), i.roles(), i.clocks().stream().map(c -> c.view()).toList(),
                i.directCause(), i.rootCauseCategory(), i.rootCause(), i.ticketUrl(), i.falseAlarm(), i.closeReason(),
                i.verification(), repository.notes(id), repository.actions(id), i.createdAt(), i.updatedAt(),
                i.version());
    }

    /** Level names are edited and translated in the severity module; the stored one is only a fallback. */
    private String levelName(String schemeCode, String levelCode, String storedName) {
        return severity.findLevel(schemeCode, levelCode).map(SeverityLevelView::name).orElse(storedName);
    }

    // An explicit empty string clears an optional text; IncidentInput turns it into null, which would mean "unchanged".
    private static String emptyIfNull(String value) {
        return value == null ? "" : value;
    }
}
