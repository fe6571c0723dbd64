package io.firebreak.alert;

import java.time.Instant;

/** A maintenance window of one service: its alerts are stored as MAINTENANCE and open nothing meanwhile. */
public record MaintenanceWindowView(long id, long serviceId, Instant startsAt, Instant endsAt, String reason,
        String createdBy, Instant createdAt, boolean active) {
}
