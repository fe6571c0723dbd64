package io.firebreak.incident.internal;

import java.util.Locale;

/** Parses incident references: an id ("12") or a number ("INC-12", any case). */
public final class IncidentRefs {

    private IncidentRefs() {
    }

    /** The sequence number in "INC-n", or null when {@code text} is not of that form. */
    public static Long seqOf(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (!t.matches("INC-\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(t.substring(4));
    }

    /** The id in a plain numeric ref, or null. */
    public static Long idOf(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }
}
