package io.firebreak.alert;

/** How an integration's alerts are grouped into incidents: by the sender's group key, by service and alert name, or by chosen labels. */
public enum GroupingMode {
    GROUP_KEY, SERVICE_AND_ALERTNAME, LABELS
}
