package io.firebreak.incident.web;

import java.time.Instant;
import java.util.List;

import io.firebreak.incident.ActionOutcome;
import io.firebreak.incident.MitigationKind;
import io.firebreak.incident.NoteKind;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.severity.TriageAnswers;

/** The JSON bodies the incident API accepts; unknown enum values are refused naming the field. */
final class IncidentRequests {

    private IncidentRequests() {
    }

    record Declare(String title, String description, List<Long> serviceIds, String level, TriageAnswers triage,
            String impactSummary, Instant detectedAt) {
    }

    record Close(String reason, Boolean falseAlarm) {
    }

    record Reason(String reason) {
    }

    record Verify(List<VerificationCheck> checks) {
    }

    record Check(Boolean passed, String note) {
    }

    record Severity(String level, String reason, TriageAnswers triage) {
    }

    record AssignRole(Long userId) {
    }

    record Note(NoteKind kind, String body) {
    }

    record Action(MitigationKind kind, String description, ActionOutcome outcome, String outcomeNote) {
    }

    record ActionUpdate(ActionOutcome outcome, String outcomeNote) {
    }

    record Cause(String directCause, RootCauseCategory rootCauseCategory, String rootCause) {
    }

    record Ticket(String url) {
    }

    record Details(String title, String description, List<Long> serviceIds, String impactSummary) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }
}
