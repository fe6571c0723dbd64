package io.firebreak.incident;

/** The seed's verification checklist (health check, smoke test, metrics back to normal, user feedback). */
public enum VerificationCheck {
    HEALTH_CHECK, SMOKE_TEST, METRICS_NORMAL, USER_FEEDBACK
}
