/**
 * Escalation: escalation policies (ordered steps with delays, targets and repeats, assigned to
 * services, with a default policy) that start when an incident opens and stop when it is
 * acknowledged or resolved; and clock rules (conditions on level, stage, time since detection or
 * the last stage, missing fields; actions such as paging the next step or an audience, raising the
 * level, reminding the comms lead) that make the seeds' time limits act. Every deadline is a row
 * fired by a cluster-safe worker with a reconciling pass.
 * <p>
 * Does not own incidents (incident), schedules (oncall) or messages (notification): it reads and
 * changes incidents through {@code IncidentManagement}, asks {@code OncallManagement} who is on
 * call and pages through {@code PagingManagement}.
 */
package io.firebreak.escalation;
