package io.firebreak.incident;

/** The two clocks of an incident */
public enum ClockKind {
     the response clock stops at acknowledgement, the resolution clock at resolution.:RESPONSE, RESOLUTION
}
