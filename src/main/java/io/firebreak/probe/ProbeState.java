package io.firebreak.probe;

/**
 * A check's state: UNKNOWN before the first result, DOWN while its alert fires (even while it
 * recovers towards its success threshold), DEGRADED when the last run failed but the failure
 * threshold is not reached yet, UP otherwise.
 */
public enum ProbeState {
    UNKNOWN, UP, DEGRADED, DOWN
}
