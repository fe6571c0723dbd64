package io.firebreak.incident;

/** A monitored service affected by an incident, by id and name. */
public record ServiceRef(long id, String name) {
}
