package io.firebreak.incident;

import java.time.Instant;

/** A note or status update on an incident. */
public record NoteView(long id, NoteKind kind, String body, String author, Instant at) {
}
