/**
 * The incident aggregate: declaration, the lifecycle DETECTED → ACKNOWLEDGED → INVESTIGATING →
 * MITIGATED → RESOLVED → VERIFIED → CLOSED (with triage recorded when the level is confirmed),
 * severity level and its changes, roles, notes, mitigation actions, causes, the verification
 * checklist, and the response and resolution clocks. Publishes a past-tense event for every change.
 * <p>
 * Does not own the timeline (timeline), paging people (escalation) or messages (notification).
 */
package io.firebreak.incident;
