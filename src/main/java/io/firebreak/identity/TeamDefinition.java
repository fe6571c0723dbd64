package io.firebreak.identity;

/** What describes a team when it is created or changed: a unique name and an optional description. */
public record TeamDefinition(String name, String description) {
}
