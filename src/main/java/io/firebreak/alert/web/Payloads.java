package io.firebreak.alert.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.firebreak.alert.AlertLink;
import io.firebreak.alert.internal.Json;
import io.firebreak.alert.internal.Keys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reading and checking senders' JSON: bounded body reads (413 over the limit), parsing (400 on
 * malformed JSON), and typed field access that names the offending field. Links are kept only
 * when they are http(s) URLs, so a sender cannot plant a {@code javascript:} link in the UI.
 */
final class Payloads {

    static final int MAX_LABELS = 100;
    static final int MAX_LABEL_VALUE = 4000;
    static final int MAX_PAYLOAD = 16_000;

    private Payloads() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new IngestionException(400, "Invalid request", "The request body could not be read.", "body");
        }
    }

    private static IngestionException tooLarge(int maxBytes) {
        return new IngestionException(413, "Payload too large",
                "The body exceeds the limit of " + maxBytes + " bytes; send fewer alerts per request.", "body");
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw IngestionException.invalid("body", "the request body is missing");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw IngestionException.invalid("body", "is not valid JSON");
        }
    }

    static JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw IngestionException.invalid(path, "is required");
            }
            return null;
        }
        if (!n.isObject()) {
            throw IngestionException.invalid(path, "must be an object");
        }
        return n;
    }

    static String string(JsonNode parent, String name, String path, boolean required, int max) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull() || (n.isString() && n.asString().isBlank())) {
            if (required) {
                throw IngestionException.invalid(path, "is required");
            }
            return null;
        }
        if (!n.isString()) {
            throw IngestionException.invalid(path, "must be a string");
        }
        String s = n.asString();
        if (s.length() > max) {
            throw IngestionException.invalid(path, "must be at most " + max + " characters");
        }
        return s;
    }

    /** An object of string values (labels, annotations); numbers and booleans are accepted as their text. */
    static Map<String, String> strings(JsonNode parent, String name, String path) {
        JsonNode n = object(parent, name, path, false);
        Map<String, String> result = new LinkedHashMap<>();
        if (n == null) {
            return result;
        }
        if (n.size() > MAX_LABELS) {
            throw IngestionException.invalid(path, "at most " + MAX_LABELS + " entries");
        }
        for (var e : n.properties()) {
            JsonNode v = e.getValue();
            if (!(v.isString() || v.isNumber() || v.isBoolean())) {
                throw IngestionException.invalid(path + "." + e.getKey(), "must be a string");
            }
            String text = v.asString();
            if (e.getKey().length() > 200 || text.length() > MAX_LABEL_VALUE) {
                throw IngestionException.invalid(path + "." + e.getKey(), "is too long");
            }
            result.put(e.getKey(), text);
        }
        return result;
    }

    /** Times before this are the senders' "unset" values (Go's zero time, 0001-01-01), not real ones. */
    private static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");

    /** An RFC 3339 time; one before {@link #EARLIEST} (Alertmanager's zero time) counts as absent. */
    static Instant time(JsonNode parent, String name, String path) {
        String s = string(parent, name, path, false, 64);
        if (s == null) {
            return null;
        }
        try {
            Instant t = parseTime(s);
            return t.isBefore(EARLIEST) ? null : t;
        } catch (DateTimeException e) {
            throw IngestionException.invalid(path, "must be an RFC 3339 time");
        }
    }

    /**
     * An RFC 3339 date-time as an instant; throws {@link DateTimeException} when it is not one.
     * The shape every sender uses ({@code 2026-12-05T06:00:00.123456789Z} or with {@code ±hh:mm})
     * is read by hand: java.time's general parser was a fifth of an ingestion request's CPU. Any
     * other shape goes to java.time, which also rejects what is invalid.
     */
    static Instant parseTime(String s) {
        Instant fast = fastTime(s);
        if (fast != null) {
            return fast;
        }
        return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    }

    private static Instant fastTime(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            nanos = digits(s, start, length);
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset;
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offset = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            offset = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second - offset, nanos);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static void link(List<AlertLink> links, String href, String text) {
        if (href == null || href.isBlank() || href.length() > 2000) {
            return;
        }
        try {
            String scheme = URI.create(href.trim()).getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                links.add(new AlertLink(href.trim(), text == null ? null : truncate(text, 200)));
            }
        } catch (IllegalArgumentException e) {
            // Not a URL: left out rather than refusing the alert.
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String payload(JsonNode node) {
        return truncate(node.toString(), MAX_PAYLOAD);
    }

    /** The identity of a label set: SHA-256 of its sorted JSON, 32 hex digits. */
    static String labelHash(Map<String, String> labels) {
        return Keys.sha256(Json.map(labels)).substring(0, 32);
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
