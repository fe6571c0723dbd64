package io.firebreak.oncall.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.firebreak.oncall.OnCallShift;

/**
 * Writes on-call shifts as an RFC 5545 calendar: CRLF line ends, text values escaped, lines folded
 * at 75 octets without splitting a character, one event per shift with a stable UID, times in UTC.
 */
public final class IcsWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private IcsWriter() {
    }

    public static String calendar(String name, List<OnCallShift> shifts, Instant stamp, String host) {
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Firebreak//On-call//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (OnCallShift s : shifts) {
            line(out, "BEGIN:VEVENT");
            // The UID names the schedule, person and start, so a calendar app updates rather than duplicates.
            line(out, "UID:oncall-" + s.scheduleId() + "-" + s.userId() + "-" + s.start().getEpochSecond() + "@"
                    + host);
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART:" + UTC.format(s.start()));
            line(out, "DTEND:" + UTC.format(s.end()));
            line(out, "SUMMARY:" + text("On call: " + s.scheduleName()));
            if (s.override()) {
                line(out, "DESCRIPTION:" + text("Override on " + s.scheduleName()));
            }
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Escapes a TEXT value (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded so no physical line exceeds 75 octets (continuations start with a space). */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }
}
