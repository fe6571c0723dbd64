package io.firebreak.catalog;

import java.util.List;

/**
 * A read-only view of one monitored service. {@code tier} runs from 1 (most critical) upward;
 * {@code dependsOn} holds the ids of services this one needs.
 */
public record ServiceView(long id, String name, String description, Long ownerTeamId, boolean core, int tier,
        List<Long> dependsOn) {

    public ServiceView {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
