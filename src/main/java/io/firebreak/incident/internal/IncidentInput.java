package io.firebreak.incident.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.firebreak.shared.InvalidInputException;

/** Field checks shared by every incident change; each failure names the field. */
public final class IncidentInput {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 10_000;
    public static final int SHORT_MAX = 2_000;
    public static final int URL_MAX = 2_000;

    private IncidentInput() {
    }

    /** A required single-line-or-more text, stripped; blank or too long is refused. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "error.required", "is required");
        }
        return optional(field, value, max);
    }

    /** An optional text, stripped; blank becomes null; too long is refused. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "error.tooLong", "must be at most " + max + " characters", max);
        }
        return v;
    }

    /** An http(s) URL of at most {@link #URL_MAX} characters; blank becomes null. */
    public static String url(String field, String value) {
        String v = optional(field, value, URL_MAX);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException(field, "error.httpUrl", "must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "error.httpUrl", "must be an http or https URL");
        }
        return v;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "error.required", "is required");
        }
        return value;
    }
}
