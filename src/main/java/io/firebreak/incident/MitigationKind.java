package io.firebreak.incident;

/** Kinds of mitigation action from the seed runbooks. */
public enum MitigationKind {
    RESTART, ROLLBACK, SCALE_OUT, DEGRADE, FAIL_OVER, CONFIG_CHANGE, DATA_FIX, OTHER
}
