package io.firebreak.escalation;

import java.time.Instant;

import io.firebreak.incident.ClockKind;

/**
 * The worst state of an incident's response and resolution clocks: {@code clock} is the clock in
 * that state (null when OK with no running target), {@code atRiskAt} when it becomes (or became)
 * at risk, {@code dueAt} its target.
 */
public record ClockRisk(long incidentId, ClockRiskState state, ClockKind clock, Instant atRiskAt, Instant dueAt) {
}
