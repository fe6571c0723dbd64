package io.firebreak.oncall.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.oncall.internal.CalendarFeed;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /oncall/ical/{token}.ics}: a person's on-call shifts as iCalendar, for calendar apps
 * that cannot sign in; the secret token is the only credential. An unknown token gets a bare 404
 * that says nothing about why.
 */
@RestController
class CalendarFeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeed feed;

    CalendarFeedController(CalendarFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/oncall/ical/{token}.ics")
    ResponseEntity<String> calendar(@PathVariable String token, HttpServletRequest request) {
        return feed.calendar(token, request.getServerName())
                .map(ics -> ResponseEntity.ok().contentType(CALENDAR).header("Cache-Control", "no-store").body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
