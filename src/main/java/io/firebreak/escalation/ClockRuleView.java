package io.firebreak.escalation;

import java.time.Instant;
import java.util.List;

import io.firebreak.incident.IncidentStatus;

/**
 * A stored clock rule (see {@link ClockRuleDefinition} for the meaning of each field). {@code name}
 * is the name in the current request's language; {@code seedKey} names the default it came from
 * (null for rules written by administrators).
 */
public record ClockRuleView(long id, String seedKey, String name, String nameEn, String nameZh, boolean enabled,
        List<String> levels, List<IncidentStatus> stages, ClockRuleAnchor anchor, int after, boolean businessTime,
        ClockRuleField missingField, boolean unacknowledged, Integer repeatMinutes, List<ClockRuleAction> actions,
        String raiseTo, List<Long> audienceUsers, List<Long> audienceTeams, boolean audienceManagement,
        Instant updatedAt, long version) {

    public ClockRuleView {
        levels = List.copyOf(levels);
        stages = List.copyOf(stages);
        actions = List.copyOf(actions);
        audienceUsers = List.copyOf(audienceUsers);
        audienceTeams = List.copyOf(audienceTeams);
    }
}
