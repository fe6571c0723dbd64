package io.firebreak.incident;

import java.time.Instant;

/** Who holds a role on an incident, since when. */
public record RoleAssignment(IncidentRole role, long userId, String username, String displayName, Instant assignedAt) {
}
