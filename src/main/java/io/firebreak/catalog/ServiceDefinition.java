package io.firebreak.catalog;

import java.util.List;

/**
 * What describes a monitored service when it is created or changed. A null {@code core} means
 * false; {@code tier} runs from 1 (most critical) to 4; {@code dependsOn} lists ids of other services.
 */
public record ServiceDefinition(String name, String description, Long ownerTeamId, Boolean core, Integer tier,
        List<Long> dependsOn) {
}
