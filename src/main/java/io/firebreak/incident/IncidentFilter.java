package io.firebreak.incident;

import java.time.Instant;
import java.util.Set;

/**
 * Criteria for searching incidents; every field is optional. {@code text} matches number, title
 * and description; {@code from}/{@code to} bound the detection time; {@code openOnly} keeps
 * incidents not yet CLOSED.
 */
public record IncidentFilter(Set<IncidentStatus> statuses, Set<String> levels, Long serviceId, String text,
        Instant from, Instant to, boolean openOnly) {

    public static IncidentFilter all() {
        return new IncidentFilter(Set.of(), Set.of(), null, null, null, null, false);
    }
}
