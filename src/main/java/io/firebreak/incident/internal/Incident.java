package io.firebreak.incident.internal;

import static io.firebreak.shared.FirebreakException.label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.firebreak.incident.ClockKind;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.ServiceRef;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.incident.VerificationItem;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * The incident aggregate: it guards every lifecycle transition and refuses an illegal one with a
 * {@link ConflictException} saying why. It knows nothing about persistence or Spring; the caller
 * validates field formats and looks up levels, users and services before calling it.
 * <p>
 * Rules: DETECTED → ACKNOWLEDGED → INVESTIGATING → MITIGATED → RESOLVED → VERIFIED → CLOSED, forward
 * moves may skip stages and stamp the stage reached; backward only by {@link #reopen}; verification
 * needs the whole checklist; closing before VERIFIED needs a commander and a reason, a false alarm
 * only a reason; a CLOSED incident takes nothing but a reopen and notes.
 */
public final class Incident {

    /** What a level look-up gives the aggregate: the level and the due times of both clocks. */
    public record Level(String schemeCode, String code, String name, int rank, Instant responseDue,
            Instant resolutionDue) {
    }

    private final Long id;
    private final long seq;
    private String title;
    private String description;
    private IncidentStatus status;
    private String schemeCode;
    private String levelCode;
    private String levelName;
    private int levelRank;
    private boolean levelConfirmed;
    private List<ServiceRef> services;
    private TriageAnswers triage;
    private String impactSummary;
    private final Map<Stage, StageStamp> stages = new EnumMap<>(Stage.class);
    private final Map<IncidentRole, RoleAssignment> roles = new EnumMap<>(IncidentRole.class);
    private final Map<ClockKind, IncidentClock> clocks = new EnumMap<>(ClockKind.class);
    private final Map<VerificationCheck, VerificationItem> verification = new EnumMap<>(VerificationCheck.class);
    private String directCause;
    private RootCauseCategory rootCauseCategory;
    private String rootCause;
    private String ticketUrl;
    private boolean falseAlarm;
    private String closeReason;
    private final Instant detectedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    /** Rebuilds a stored incident (used by the repository). */
    public Incident(Long id, long seq, String title, String description, IncidentStatus status, String schemeCode,
            String levelCode, String levelName, int levelRank, boolean levelConfirmed, List<ServiceRef> services,
            TriageAnswers triage, String impactSummary, List<StageStamp> stages, List<RoleAssignment> roles,
            List<IncidentClock> clocks, List<VerificationItem> verification, String directCause,
            RootCauseCategory rootCauseCategory, String rootCause, String ticketUrl, boolean falseAlarm,
            String closeReason, Instant detectedAt, Instant createdAt, Instant updatedAt, long version) {
        this.id = id;
        this.seq = seq;
        this.title = title;
        this.description = description;
        this.status = status;
        this.schemeCode = schemeCode;
        this.levelCode = levelCode;
        this.levelName = levelName;
        this.levelRank = levelRank;
        this.levelConfirmed = levelConfirmed;
        this.services = List.copyOf(services);
        this.triage = triage;
        this.impactSummary = impactSummary;
        stages.forEach(s -> this.stages.put(s.stage(), s));
        roles.forEach(r -> this.roles.put(r.role(), r));
        clocks.forEach(c -> this.clocks.put(c.kind(), c));
        verification.forEach(v -> this.verification.put(v.check(), v));
        this.directCause = directCause;
        this.rootCauseCategory = rootCauseCategory;
        this.rootCause = rootCause;
        this.ticketUrl = ticketUrl;
        this.falseAlarm = falseAlarm;
        this.closeReason = closeReason;
        this.detectedAt = detectedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * A new incident in DETECTED, stamped at {@code detectedAt}; with {@code confirmed} the level
     * counts as triaged and TRIAGED is stamped at {@code now}.
     */
    public static Incident declare(long seq, String title, String description, List<ServiceRef> services,
            Level level, boolean confirmed, TriageAnswers triage, String impactSummary, Instant detectedAt,
            String actor, Instant now) {
        var incident = new Incident(null, seq, title, description, IncidentStatus.DETECTED, level.schemeCode(),
                level.code(), level.name(), level.rank(), false, services, triage, impactSummary, List.of(), List.of(),
                List.of(new IncidentClock(ClockKind.RESPONSE, detectedAt, level.responseDue(), null, null),
                        new IncidentClock(ClockKind.RESOLUTION, detectedAt, level.resolutionDue(), null, null)),
                List.of(), null, null, null, null, false, null, detectedAt, now, now, 0);
        incident.stamp(Stage.DETECTED, detectedAt, actor);
        if (confirmed) {
            incident.levelConfirmed = true;
            incident.stamp(Stage.TRIAGED, now, actor);
        }
        return incident;
    }

    public static String number(long seq) {
        return "INC-" + seq;
    }

    public String number() {
        return number(seq);
    }

    // ---- lifecycle ------------------------------------------------------------------------

    /**
     * Moves forward to ACKNOWLEDGED, INVESTIGATING, MITIGATED or RESOLVED, skipping stages if need
     * be; returns the status it left.
     */
    public IncidentStatus advance(IncidentStatus target, String actor, Instant at) {
        if (target == IncidentStatus.DETECTED || target == IncidentStatus.VERIFIED || target == IncidentStatus.CLOSED) {
            throw new IllegalArgumentException("use declare, verify or close for " + target);
        }
        requireForward(target);
        return moveTo(target, actor, at);
    }

    /** Moves to VERIFIED; every checklist item must have passed. */
    public IncidentStatus verify(String actor, Instant at) {
        requireForward(IncidentStatus.VERIFIED);
        List<VerificationCheck> missing = Arrays.stream(VerificationCheck.values())
                .filter(c -> verification.get(c) == null || !verification.get(c).passed())
                .toList();
        if (!missing.isEmpty()) {
            throw new ConflictException("incident.error.checklistIncomplete", number() + " cannot be verified: the checklist item(s) "
                    + join(missing) + " have not passed.", number(),
                    missing.stream().map(c -> label("incident.verification", c)).toList());
        }
        return moveTo(IncidentStatus.VERIFIED, actor, at);
    }

    /**
     * Closes. From VERIFIED anyone may; earlier needs {@code actorIsCommander} and a reason; a false
     * alarm may be closed from any open status with a reason. Returns the status it left.
     */
    public IncidentStatus close(String actor, Instant at, String reason, boolean asFalseAlarm,
            boolean actorIsCommander) {
        if (status == IncidentStatus.CLOSED) {
            throw new ConflictException("incident.error.alreadyIn", number() + " is already CLOSED.", number(),
                    label("incident.status", IncidentStatus.CLOSED));
        }
        boolean hasReason = reason != null && !reason.isBlank();
        if (asFalseAlarm) {
            if (!hasReason) {
                throw new InvalidInputException("reason", "incident.error.reasonFalseAlarm",
                        "is required to close an incident as a false alarm");
            }
        } else if (status != IncidentStatus.VERIFIED) {
            if (!actorIsCommander) {
                throw new PermissionDeniedException("incident.error.closeNeedsCommander", "Only a commander may close "
                        + number() + " while it is " + status + " (not yet VERIFIED).", number(),
                        label("incident.status", status));
            }
            if (!hasReason) {
                throw new InvalidInputException("reason", "incident.error.reasonUnverifiedClose",
                        "is required to close an incident that has not been verified");
            }
        }
        IncidentStatus from = moveTo(IncidentStatus.CLOSED, actor, at);
        falseAlarm = asFalseAlarm;
        closeReason = hasReason ? reason.strip() : null;
        return from;
    }

    /**
     * From RESOLVED, VERIFIED or CLOSED back to INVESTIGATING: clears the later stages of this cycle
     * and the checklist, and resumes the resolution clock. Returns the status it left.
     */
    public IncidentStatus reopen(String actor, Instant at, String reason) {
        if (status.compareTo(IncidentStatus.RESOLVED) < 0) {
            throw new ConflictException("incident.error.reopenTooEarly", number() + " is " + status
                    + "; only a RESOLVED, VERIFIED or CLOSED incident can be reopened.", number(),
                    label("incident.status", status));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "incident.error.reasonReopen", "is required to reopen an incident");
        }
        IncidentStatus from = status;
        for (Stage s : List.of(Stage.MITIGATED, Stage.RESOLVED, Stage.VERIFIED, Stage.CLOSED)) {
            stages.remove(s);
        }
        stamp(Stage.INVESTIGATING, at, actor);
        status = IncidentStatus.INVESTIGATING;
        verification.clear();
        falseAlarm = false;
        closeReason = null;
        clocks.get(ClockKind.RESOLUTION).resume();
        touch(at);
        return from;
    }

    private void requireForward(IncidentStatus target) {
        requireNotClosed();
        if (target == status) {
            throw new ConflictException("incident.error.alreadyIn", number() + " is already " + status + ".", number(),
                    label("incident.status", status));
        }
        if (target.compareTo(status) < 0) {
            throw new ConflictException("incident.error.backward", number() + " is " + status
                    + "; it cannot go back to " + target + " (reopen it instead).", number(),
                    label("incident.status", status), label("incident.status", target));
        }
    }

    private IncidentStatus moveTo(IncidentStatus target, String actor, Instant at) {
        IncidentStatus from = status;
        status = target;
        stamp(Stage.valueOf(target.name()), at, actor);
        clocks.get(ClockKind.RESPONSE).stop(at);
        if (target.compareTo(IncidentStatus.RESOLVED) >= 0) {
            clocks.get(ClockKind.RESOLUTION).stop(at);
        }
        touch(at);
        return from;
    }

    // ---- level, checklist and other changes ----------------------------------------------

    /** What a level change did. */
    public record LevelChange(String fromLevel, String toLevel, boolean changed, boolean firstConfirmation,
            boolean triageChanged) {

        public boolean anything() {
            return changed || firstConfirmation || triageChanged;
        }
    }

    /**
     * Sets and confirms the level (stamping TRIAGED the first time). A different level needs a
     * reason; the clocks' due times are recomputed from detection by the caller's {@code level}.
     */
    public LevelChange changeLevel(Level level, String reason, TriageAnswers answers, String actor, Instant at) {
        requireNotClosed();
        boolean changed = !level.code().equals(levelCode) || !level.schemeCode().equals(schemeCode);
        if (changed && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "incident.error.reasonLevel", "is required to change the level from "
                    + levelCode + " to " + level.code(), levelCode, level.code());
        }
        String from = levelCode;
        boolean first = !levelConfirmed;
        boolean triageChanged = answers != null && !answers.equals(triage);
        if (first) {
            levelConfirmed = true;
            stamp(Stage.TRIAGED, at, actor);
        }
        if (triageChanged) {
            triage = answers;
        }
        schemeCode = level.schemeCode();
        levelCode = level.code();
        levelName = level.name();
        levelRank = level.rank();
        if (changed) {
            clocks.get(ClockKind.RESPONSE).reschedule(level.responseDue(), at);
            clocks.get(ClockKind.RESOLUTION).reschedule(level.resolutionDue(), at);
        }
        var result = new LevelChange(from, levelCode, changed, first, triageChanged);
        if (result.anything()) {
            touch(at);
        }
        return result;
    }

    public void checkVerification(VerificationCheck check, boolean passed, String note, String actor, Instant at) {
        requireNotClosed();
        verification.put(check, new VerificationItem(check, passed, actor, at, note));
        touch(at);
    }

    /** Assigns a role; returns the username who held it before, or null. */
    public String assignRole(RoleAssignment assignment, Instant at) {
        requireNotClosed();
        RoleAssignment previous = roles.put(assignment.role(), assignment);
        touch(at);
        return previous == null ? null : previous.username();
    }

    /** Empties a role; returns who held it. */
    public String unassignRole(IncidentRole role, Instant at) {
        requireNotClosed();
        RoleAssignment previous = roles.remove(role);
        if (previous == null) {
            throw new ConflictException("incident.error.roleVacant", "Nobody holds the role " + role + " on " + number()
                    + ".", label("incident.role", role), number());
        }
        touch(at);
        return previous.username();
    }

    public void updateCause(String direct, RootCauseCategory category, String root, Instant at) {
        requireNotClosed();
        directCause = direct;
        rootCauseCategory = category;
        rootCause = root;
        touch(at);
    }

    public void linkTicket(String url, Instant at) {
        requireNotClosed();
        ticketUrl = url;
        touch(at);
    }

    /**
     * Applies the non-null fields (an empty description or impact summary clears it); returns the
     * names of the fields that really changed.
     */
    public List<String> updateDetails(String newTitle, String newDescription, List<ServiceRef> newServices,
            String newImpact, Instant at) {
        requireNotClosed();
        List<String> changed = new ArrayList<>();
        if (newTitle != null && !newTitle.equals(title)) {
            title = newTitle;
            changed.add("title");
        }
        if (newDescription != null && !java.util.Objects.equals(emptyToNull(newDescription), description)) {
            description = emptyToNull(newDescription);
            changed.add("description");
        }
        if (newServices != null && !newServices.equals(services)) {
            services = List.copyOf(newServices);
            changed.add("services");
        }
        if (newImpact != null && !java.util.Objects.equals(emptyToNull(newImpact), impactSummary)) {
            impactSummary = emptyToNull(newImpact);
            changed.add("impactSummary");
        }
        if (!changed.isEmpty()) {
            touch(at);
        }
        return changed;
    }

    /** Guards changes made outside the aggregate's fields (mitigation actions). */
    public void requireChangeable(Instant at) {
        requireNotClosed();
        touch(at);
    }

    /** Notes may be added in any status, CLOSED included. */
    public void noteAdded(Instant at) {
        touch(at);
    }

    private void requireNotClosed() {
        if (status == IncidentStatus.CLOSED) {
            throw new ConflictException("incident.error.closed", number()
                    + " is CLOSED; only reopening it and adding notes are allowed.", number());
        }
    }

    private void stamp(Stage stage, Instant at, String actor) {
        stages.put(stage, new StageStamp(stage, at, actor));
    }

    private void touch(Instant at) {
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String join(List<VerificationCheck> checks) {
        return String.join(", ", checks.stream().map(Enum::name).toList());
    }

    // ---- read access ----------------------------------------------------------------------

    public Long id() { return id; }
    public long seq() { return seq; }
    public String title() { return title; }
    public String description() { return description; }
    public IncidentStatus status() { return status; }
    public String schemeCode() { return schemeCode; }
    public String levelCode() { return levelCode; }
    public String levelName() { return levelName; }
    public int levelRank() { return levelRank; }
    public boolean levelConfirmed() { return levelConfirmed; }
    public List<ServiceRef> services() { return services; }
    public TriageAnswers triage() { return triage; }
    public String impactSummary() { return impactSummary; }
    public String directCause() { return directCause; }
    public RootCauseCategory rootCauseCategory() { return rootCauseCategory; }
    public String rootCause() { return rootCause; }
    public String ticketUrl() { return ticketUrl; }
    public boolean falseAlarm() { return falseAlarm; }
    public String closeReason() { return closeReason; }
    public Instant detectedAt() { return detectedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }

    /** Stages reached in this cycle, in lifecycle order. */
    public List<StageStamp> stages() {
        return List.copyOf(stages.values());
    }

    public List<RoleAssignment> roles() {
        return List.copyOf(roles.values());
    }

    public RoleAssignment role(IncidentRole role) {
        return roles.get(role);
    }

    public List<IncidentClock> clocks() {
        return List.copyOf(clocks.values());
    }

    public IncidentClock clock(ClockKind kind) {
        return clocks.get(kind);
    }

    /** The checklist with every item, unticked ones as not passed. */
    public List<VerificationItem> verification() {
        return Arrays.stream(VerificationCheck.values())
                .map(c -> verification.getOrDefault(c, new VerificationItem(c, false, null, null, null)))
                .toList();
    }

    /** Only items someone ticked or unticked (what is stored). */
    public List<VerificationItem> recordedVerification() {
        return List.copyOf(verification.values());
    }

    /** The rows stored beside the incident's own; compared before and after a change to skip rewriting them. */
    public record Children(List<ServiceRef> services, List<StageStamp> stages, List<RoleAssignment> roles,
            List<VerificationItem> verification) {
    }

    /** A copy of the current children (services, stage stamps, roles, verification). */
    public Children children() {
        return new Children(List.copyOf(services), stages(), roles(), recordedVerification());
    }
}
