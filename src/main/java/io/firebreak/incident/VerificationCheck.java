package io.firebreak.incident;

/** The seed's verification checklist */
public enum VerificationCheck {
     health check, smoke test, metrics back to normal, user feedback.:HEALTH_CHECK, SMOKE_TEST, METRICS_NORMAL, USER_FEEDBACK
}
