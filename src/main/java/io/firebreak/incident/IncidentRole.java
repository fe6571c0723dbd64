package io.firebreak.incident;

/** The named roles of an incident (incident commander, tech lead, communications lead, on-call engineer). */
public enum IncidentRole {
    COMMANDER, TECH_LEAD, COMMS_LEAD, ON_CALL
}
