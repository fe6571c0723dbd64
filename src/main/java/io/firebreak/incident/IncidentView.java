package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

import io.firebreak.severity.TriageAnswers;

/**
 * Everything about one incident, as read by the API and the UI. {@code number} is "INC-n".
 * {@code triage} holds the impact answers (users affected, business impact, data and security risk,
 * money lost) given at declaration or at the last level confirmation. {@code stages} lists every
 * stage reached, in order; {@code version} increases with every change.
 */
public record IncidentView(long id, String number, String title, String description, IncidentStatus status,
        String schemeCode, String levelCode, String levelName, int levelRank, boolean levelConfirmed,
        List<ServiceRef> services, TriageAnswers triage, String impactSummary, List<StageStamp> stages,
        List<RoleAssignment> roles, List<ClockView> clocks, String directCause, RootCauseCategory rootCauseCategory,
        String rootCause, String ticketUrl, boolean falseAlarm, String closeReason,
        List<VerificationItem> verification, List<NoteView> notes, List<MitigationActionView> actions,
        Instant createdAt, Instant updatedAt, long version) {
}
