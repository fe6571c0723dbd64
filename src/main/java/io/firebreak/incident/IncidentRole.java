package io.firebreak.incident;

/** The named roles of an incident */
public enum IncidentRole {
     incident commander, tech lead, communications lead, on-call engineer.:COMMANDER, TECH_LEAD, COMMS_LEAD, ON_CALL
}
