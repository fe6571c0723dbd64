package io.firebreak.incident;

/** The two clocks of an incident (the response clock stops at acknowledgement, the resolution clock at resolution). */
public enum ClockKind {
    RESPONSE, RESOLUTION
}
