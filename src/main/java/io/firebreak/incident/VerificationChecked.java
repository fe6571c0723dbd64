package io.firebreak.incident;

import java.time.Instant;

/** One item of the verification checklist was ticked or unticked. */
public record VerificationChecked(long incidentId, String number, String actor, Instant at, VerificationCheck check,
        boolean passed, String note) implements IncidentEvent {
}
