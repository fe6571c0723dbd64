package io.firebreak.incident;

/** A note is working chatter; a status update is the summary meant to be passed on. */
public enum NoteKind {
    NOTE, STATUS_UPDATE
}
