package io.firebreak.notification;

import java.util.List;

/**
 * The configured destinations of a severity level: channel ids, team ids and user ids (each
 * list empty when none). Channels that list the level in their own settings hear it as well.
 */
public record Audience(String levelCode, List<Long> channels, List<Long> teams, List<Long> users) {

    public Audience {
        channels = channels == null ? List.of() : List.copyOf(channels);
        teams = teams == null ? List.of() : List.copyOf(teams);
        users = users == null ? List.of() : List.copyOf(users);
    }
}
