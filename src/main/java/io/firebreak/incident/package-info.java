/**
 * The incident aggregate: declaration, the lifecycle DETECTED → ACKNOWLEDGED → INVESTIGATING →
 * MITIGATED → RESOLVED → VERIFIED → CLOSED (with triage recorded when the level is confirmed),
 * severity level and its changes, roles, notes, mitigation actions, causes, the verification
 * checklist, and the response and resolution clocks. Publishes a past-tense event for every change.
 * <p>
 * Also groups alerts into incidents (sub-package {@code grouping}): a cluster-safe worker reads the
 * alert module's transition feed, links alerts to incidents per the integration's grouping policy
 * (group key, service and alert name, or chosen labels, within a window), applies flap control, the
 * re-open cap and the inhibition rules ({@link io.firebreak.incident.InhibitionRuleManagement}),
 * and records {@link io.firebreak.incident.IncidentAlertsAttached} and
 * {@link io.firebreak.incident.IncidentAlertResolved}.
 * <p>
 * Does not own the timeline (timeline), paging people (escalation) or messages (notification).
 */
package io.firebreak.incident;
