package io.firebreak.incident;

/** The category of an incident's root cause, as in the postmortem template. */
public enum RootCauseCategory {
    TECHNICAL, PROCESS, HUMAN, EXTERNAL
}
