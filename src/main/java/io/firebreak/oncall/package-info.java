/**
 * On-call: schedules with layered rotations (daily, weekly or custom shift length, hand-off time,
 * time zone, ordered participants), overrides, "take this shift", swaps and hand-off notices
 * (published as {@link io.firebreak.oncall.ShiftHandedOff}); answers "who is on call for a
 * schedule, a team or a service at instant t" through {@link io.firebreak.oncall.OncallManagement}.
 * <p>
 * Does not own people or teams (identity) or services (catalog); it reads them through their
 * facades. Does not page anyone: the notification and escalation modules do.
 */
package io.firebreak.oncall;
