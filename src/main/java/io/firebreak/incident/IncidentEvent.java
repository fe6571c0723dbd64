package io.firebreak.incident;

import java.time.Instant;

/**
 * Every change to an incident is published as one of these past-tense records, inside the
 * transaction of the change: {@code actor} is the username (or "system"), {@code at} the time of
 * the change by the injected clock.
 */
public sealed interface IncidentEvent permits IncidentDeclared, IncidentStageChanged, IncidentSeverityChanged,
        IncidentRoleAssigned, IncidentRoleUnassigned, IncidentNoteAdded, MitigationActionRecorded,
        MitigationActionUpdated, IncidentCauseUpdated, IncidentTicketLinked, VerificationChecked, IncidentReopened,
        IncidentClosed, IncidentClockBreached, IncidentDetailsUpdated, IncidentAlertsAttached, IncidentAlertResolved {

    long incidentId();

    String number();

    String actor();

    Instant at();
}
