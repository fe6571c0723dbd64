package io.firebreak.alert;

/**
 * What happened to an alert, as recorded in the transition feed: it fired for the first time (or
 * again after resolving), it re-fired while firing (only counted, see {@link AlertView#fireCount()}),
 * it resolved, or its sender acknowledged it (PagerDuty {@code acknowledge}).
 */
public enum TransitionKind {
    FIRED, RESOLVED, ACKNOWLEDGED
}
