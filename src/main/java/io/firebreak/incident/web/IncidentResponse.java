package io.firebreak.incident.web;

import java.time.Instant;
import java.util.List;

import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.MitigationActionView;
import io.firebreak.incident.NoteView;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.ServiceRef;
import io.firebreak.incident.StageStamp;
import io.firebreak.incident.VerificationItem;
import io.firebreak.severity.TriageAnswers;

/** One incident as the JSON API answers it: the {@link IncidentView} with clocks read at the time of the answer. */
record IncidentResponse(long id, String number, String title, String description, IncidentStatus status,
        String schemeCode, String levelCode, String levelName, int levelRank, boolean levelConfirmed,
        List<ServiceRef> services, TriageAnswers triage, String impactSummary, List<StageStamp> stages,
        List<RoleAssignment> roles, List<ClockResponse> clocks, String directCause,
        RootCauseCategory rootCauseCategory, String rootCause, String ticketUrl, boolean falseAlarm,
        String closeReason, List<VerificationItem> verification, List<NoteView> notes,
        List<MitigationActionView> actions, Instant createdAt, Instant updatedAt, long version) {

    static IncidentResponse of(IncidentView v, Instant now) {
        return new IncidentResponse(v.id(), v.number(), v.title(), v.description(), v.status(), v.schemeCode(),
                v.levelCode(), v.levelName(), v.levelRank(), v.levelConfirmed(), v.services(), v.triage(),
                v.impactSummary(), v.stages(), v.roles(),
                v.clocks().stream().map(c -> ClockResponse.of(c, now)).toList(), v.directCause(),
                v.rootCauseCategory(), v.rootCause(), v.ticketUrl(), v.falseAlarm(), v.closeReason(),
                v.verification(), v.notes(), v.actions(), v.createdAt(), v.updatedAt(), v.version());
    }
}
