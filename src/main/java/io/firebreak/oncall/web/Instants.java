package io.firebreak.oncall.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.firebreak.shared.InvalidInputException;

/** Reads ISO-8601 instants from query parameters, naming the parameter when one is malformed. */
final class Instants {

    private Instants() {
    }

    /** The instant, or {@code fallback} when the parameter is absent; an offset is required ("Z" or "+08:00"). */
    static Instant parse(String value, String field, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 date-time with an offset, such as "
                    + "2026-03-01T09:00:00Z");
        }
    }
}
