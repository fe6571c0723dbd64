package io.firebreak.severity;

/** Which part of the business an incident hits: the core flow, a secondary function, or none. */
public enum BusinessImpact {
    CORE, SECONDARY, NONE
}
