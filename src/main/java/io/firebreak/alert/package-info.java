/**
 * Alerts from monitoring systems: integrations and their keys, the ingestion adapters
 * (Alertmanager webhook, Grafana, Alertmanager API v2 for Prometheus, PagerDuty Events v2, generic
 * JSON, internal health checks), deduplication by fingerprint, expiry, silences, maintenance
 * windows and the global maintenance switch, change events, and the ordered feed of alert
 * transitions that the incident module groups into incidents.
 * <p>
 * Does not own incidents or the grouping of alerts into them (incident).
 */
package io.firebreak.alert;
