package io.firebreak.alert;

/** Whether an alert is currently firing or has resolved. */
public enum AlertStatus {
    FIRING, RESOLVED
}
