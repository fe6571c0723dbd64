package io.firebreak.alert;

/** The kind of sender an integration accepts; PROBE is Firebreak's own health checks. */
public enum AlertSource {
    ALERTMANAGER, GRAFANA, PROMETHEUS, PAGERDUTY, GENERIC, PROBE
}
