package io.firebreak.incident;

/**
 * How an alert came to be linked to an incident: it opened the incident, joined it as a new alert
 * of the group, fired again while linked, or was attached by an inhibition rule instead of opening one.
 */
public enum AlertAttachment {
    OPENED, JOINED, REFIRED, INHIBITED
}
