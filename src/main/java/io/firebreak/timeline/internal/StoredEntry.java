package io.firebreak.timeline.internal;

import java.time.Instant;
import java.util.List;

/** A timeline entry as stored: the sentence as a message key with typed arguments, rendered when read. */
public record StoredEntry(long id, long incidentId, Instant at, String actor, String kind, String messageKey,
        List<Arg> args, String detail) {

    /**
     * One argument of the sentence: exactly one of plain {@code text}, a message {@code key} (an enum
     * label), an instant shown as a {@code time} of day, a {@code seconds} duration, or a list of
     * message {@code keys} joined with commas.
     */
    public record Arg(String text, String key, Instant time, Long seconds, List<String> keys) {

        public static Arg text(String text) {
            return new Arg(text == null ? "" : text, null, null, null, null);
        }

        public static Arg key(String key) {
            return new Arg(null, key, null, null, null);
        }

        public static Arg time(Instant time) {
            return new Arg(null, null, time, null, null);
        }

        public static Arg seconds(long seconds) {
            return new Arg(null, null, null, seconds, null);
        }

        public static Arg keys(List<String> keys) {
            return new Arg(null, null, null, null, List.copyOf(keys));
        }
    }
}
