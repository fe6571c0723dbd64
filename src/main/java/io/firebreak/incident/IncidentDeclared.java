package io.firebreak.incident;

import java.time.Instant;

/** An incident was declared at a level (confirmed when triage answers or an explicit level came with it). */
public record IncidentDeclared(long incidentId, String number, String actor, Instant at, String title,
        String levelCode, boolean levelConfirmed, Instant detectedAt) implements IncidentEvent {
}
