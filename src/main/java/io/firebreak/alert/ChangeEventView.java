package io.firebreak.alert;

import java.time.Instant;
import java.util.List;

/** A change event (deploy, config change) received through PagerDuty's change events API. */
public record ChangeEventView(long id, long integrationId, String summary, String source, Instant happenedAt,
        Long serviceId, List<AlertLink> links, String customDetails) {
}
