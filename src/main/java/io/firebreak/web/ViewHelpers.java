package io.firebreak.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting used by every template as {@code @fb}: full date-times in the viewer's own time
 * zone, and durations in a compact form that reads the same in every language ("1h 05m").
 */
@Component("fb")
public class ViewHelpers {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The instant as {@code yyyy-MM-dd HH:mm:ss} in the viewer's time zone, or "" for null. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    /** ISO-8601 form for machine-readable attributes ({@code <time datetime>}, ticking clocks). */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The viewer's zone id, shown next to times so nobody has to guess. */
    public String zoneId() {
        return zone().getId();
    }

    /** A duration as "2d 3h", "1h 05m", "4m 09s"; the sign is dropped. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long s = Math.abs(duration.toSeconds());
        long d = s / 86_400, h = s % 86_400 / 3600, m = s % 3600 / 60, sec = s % 60;
        if (d > 0) {
            return d + "d " + h + "h";
        }
        if (h > 0) {
            return h + "h " + String.format("%02dm", m);
        }
        return m + "m " + String.format("%02ds", sec);
    }

    private static ZoneId zone() {
        return LocaleContextHolder.getTimeZone().toZoneId();
    }
}
