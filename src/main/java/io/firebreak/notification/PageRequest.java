package io.firebreak.notification;

/**
 * A request to page one person about an incident. {@code dedupKey} makes it idempotent (the same
 * key never pages twice, e.g. "esc:42:step1:round0:user7"); {@code reason} is shown in the page
 * ("escalation step 2 of policy Core", "unacknowledged P0 after 5 minutes").
 */
public record PageRequest(long incidentId, long userId, String reason, String dedupKey, String actor) {
}
