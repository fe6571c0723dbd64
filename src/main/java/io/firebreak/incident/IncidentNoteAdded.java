package io.firebreak.incident;

import java.time.Instant;

/** A note or status update was added to an incident. */
public record IncidentNoteAdded(long incidentId, String number, String actor, Instant at, long noteId, NoteKind kind,
        String body) implements IncidentEvent {
}
