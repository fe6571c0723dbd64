package io.firebreak.timeline;

import java.time.Instant;

/**
 * One timeline entry rendered for a reader: when, who ("system" for the clock worker), a stable
 * {@code kind} (DECLARED, STATUS_CHANGED, …), the sentence in the reader's language, and free text
 * written by people (a reason, a note body) as it was written, or null.
 */
public record TimelineEntryView(long id, Instant at, String actor, String kind, String text, String detail) {
}
