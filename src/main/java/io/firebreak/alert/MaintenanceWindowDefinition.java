package io.firebreak.alert;

import java.time.Instant;

/** A new maintenance window; {@code startsAt} null means now. */
public record MaintenanceWindowDefinition(Long serviceId, Instant startsAt, Instant endsAt, String reason) {
}
