package io.firebreak.notification.internal;

/** The events Firebreak has a message template for. */
public enum TemplateKind {
    INCIDENT_OPENED, ACKNOWLEDGED, LEVEL_CHANGED, ROLE_ASSIGNED, STATUS_UPDATE, MITIGATED, RESOLVED, CLOSED, PAGE,
    CLOCK_AT_RISK,
    CLOCK_BREACHED, CUSTOMER_NOTICE, SERVICE_RESTORED, SHIFT_STARTED, BUNDLE
}
