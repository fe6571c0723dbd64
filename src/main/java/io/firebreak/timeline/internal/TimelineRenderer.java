package io.firebreak.timeline.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.firebreak.timeline.TimelineEntryView;

/** Turns a stored entry into a sentence in the reader's language, times in the reader's zone. */
@Component
public class TimelineRenderer {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;

    TimelineRenderer(MessageSource messages) {
        this.messages = messages;
    }

    public TimelineEntryView render(StoredEntry entry, Locale locale, ZoneId zone) {
        Object[] args = entry.args().stream().map(a -> arg(a, locale, zone)).toArray();
        String text = messages.getMessage(entry.messageKey(), args, entry.messageKey(), locale);
        return new TimelineEntryView(entry.id(), entry.at(), entry.actor(), entry.kind(), text, entry.detail());
    }

    private String arg(StoredEntry.Arg arg, Locale locale, ZoneId zone) {
        if (arg.key() != null) {
            return messages.getMessage(arg.key(), null, arg.key(), locale);
        }
        if (arg.time() != null) {
            return TIME_OF_DAY.format(arg.time().atZone(zone));
        }
        if (arg.seconds() != null) {
            return duration(Duration.ofSeconds(arg.seconds()));
        }
        if (arg.keys() != null) {
            return String.join(", ", arg.keys().stream().map(k -> messages.getMessage(k, null, k, locale)).toList());
        }
        return arg.text() == null ? "" : arg.text();
    }

    /** "45s", "3m", "1h 05m", "2d 3h": minutes are enough for a missed target. */
    static String duration(Duration d) {
        long s = Math.abs(d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        long days = s / 86_400, hours = s % 86_400 / 3600, minutes = s % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format("%02dm", minutes);
        }
        return minutes + "m";
    }
}
