package io.firebreak.incident;

/** How a mitigation action turned out. */
public enum ActionOutcome {
    IN_PROGRESS, SUCCEEDED, PARTIAL, FAILED
}
