package io.firebreak.incident;

import java.util.List;

import org.springframework.stereotype.Service;

import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;

/**
 * The incident module's facade. {@code ref} is an incident's id ("12") or number ("INC-12",
 * case-insensitive). {@code actor} is the acting user's username. Every change commits together
 * with its event (and so its timeline entry) and returns the incident as it is afterwards.
 * <p>
 * Errors: unknown incident → {@code NotFoundException}; bad input → {@code InvalidInputException}
 * naming the field; an illegal transition → {@code ConflictException} saying why; a rule reserved
 * to commanders → {@code PermissionDeniedException}.
 * <p>
 * SKELETON: the signatures are the contract; the implementation lands with the incident module.
 */
@Service
public class IncidentManagement {

    public IncidentView declare(DeclareIncident command, String actor) { throw todo(); }

    public IncidentView get(String ref) { throw todo(); }

    public PageResult<IncidentSummary> search(IncidentFilter filter, PageRequest page) { throw todo(); }

    /** Incidents not yet CLOSED, most severe first, then oldest first. */
    public List<IncidentSummary> open() { throw todo(); }

    public IncidentView acknowledge(String ref, String actor) { throw todo(); }

    public IncidentView investigate(String ref, String actor) { throw todo(); }

    public IncidentView mitigate(String ref, String actor) { throw todo(); }

    public IncidentView resolve(String ref, String actor) { throw todo(); }

    /** Moves to VERIFIED; every item of the verification checklist must have passed. */
    public IncidentView verify(String ref, String actor) { throw todo(); }

    /**
     * Closes. From VERIFIED anyone who may respond can close; from an earlier status it needs a
     * commander (global role COMMANDER or ADMIN, or the incident's commander) and a reason; a false
     * alarm may be closed from any open status with a reason.
     */
    public IncidentView close(String ref, String actor, String reason, boolean falseAlarm) { throw todo(); }

    /** From RESOLVED, VERIFIED or CLOSED back to INVESTIGATING; needs a reason. */
    public IncidentView reopen(String ref, String actor, String reason) { throw todo(); }

    /** Ticks or unticks one verification item. */
    public IncidentView checkVerification(String ref, String actor, VerificationCheck check, boolean passed,
            String note) { throw todo(); }

    /**
     * Sets and confirms the level (stamping TRIAGED the first time). Changing to a different level
     * needs a reason; {@code triage} optionally replaces the recorded answers.
     */
    public IncidentView changeSeverity(String ref, String actor, String levelCode, String reason,
            io.firebreak.severity.TriageAnswers triage) { throw todo(); }

    public IncidentView assignRole(String ref, String actor, IncidentRole role, long userId) { throw todo(); }

    public IncidentView unassignRole(String ref, String actor, IncidentRole role) { throw todo(); }

    public IncidentView addNote(String ref, String actor, NoteKind kind, String body) { throw todo(); }

    public IncidentView recordAction(String ref, String actor, MitigationKind kind, String description,
            ActionOutcome outcome, String outcomeNote) { throw todo(); }

    public IncidentView updateAction(String ref, String actor, long actionId, ActionOutcome outcome,
            String outcomeNote) { throw todo(); }

    public IncidentView updateCause(String ref, String actor, String directCause, RootCauseCategory category,
            String rootCause) { throw todo(); }

    /** Links a ticket (an http or https URL, e.g. Jira or GitHub); null or blank removes it. */
    public IncidentView linkTicket(String ref, String actor, String url) { throw todo(); }

    /** Edits title, description, affected services and impact summary (null leaves a field as it is). */
    public IncidentView updateDetails(String ref, String actor, String title, String description,
            List<Long> serviceIds, String impactSummary) { throw todo(); }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("incident module not implemented yet");
    }
}
