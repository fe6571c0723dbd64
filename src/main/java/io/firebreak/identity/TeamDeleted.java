package io.firebreak.identity;

/** Published when a team has been deleted, so modules that refer to it by id can let go of it. */
public record TeamDeleted(long teamId, String name) {
}
