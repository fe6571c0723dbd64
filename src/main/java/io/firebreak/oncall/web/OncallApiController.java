package io.firebreak.oncall.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.firebreak.oncall.OnCallShift;
import io.firebreak.oncall.OncallManagement;
import io.firebreak.oncall.internal.CalendarFeed;
import io.firebreak.shared.InvalidInputException;

/**
 * {@code GET /api/v1/oncall}: who is on call at an instant (default now) for one schedule, a team
 * or a service, or on every schedule when none is named; {@code GET /api/v1/oncall/next}: who takes
 * over on a schedule; {@code POST /api/v1/oncall/calendar-token}: a new secret calendar-feed URL
 * for the caller (the previous one stops working).
 */
@RestController
@RequestMapping("/api/v1/oncall")
class OncallApiController {

    private final OncallManagement oncall;
    private final CalendarFeed feed;
    private final Clock clock;

    OncallApiController(OncallManagement oncall, CalendarFeed feed, Clock clock) {
        this.oncall = oncall;
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping
    List<OnCallShift> onCall(@RequestParam(required = false) String at,
            @RequestParam(required = false) Long scheduleId, @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long serviceId) {
        Instant when = Instants.parse(at, "at", clock.instant());
        if (Stream.of(scheduleId, teamId, serviceId).filter(v -> v != null).count() > 1) {
            throw new InvalidInputException("scheduleId", "give at most one of scheduleId, teamId and serviceId");
        }
        if (scheduleId != null) {
            return oncall.onCall(scheduleId, when).stream().toList();
        }
        if (teamId != null) {
            return oncall.forTeam(teamId, when);
        }
        if (serviceId != null) {
            return oncall.forService(serviceId, when);
        }
        return oncall.schedules().stream().flatMap(s -> oncall.onCall(s.id(), when).stream()).toList();
    }

    @GetMapping("/next")
    List<OnCallShift> next(@RequestParam long scheduleId, @RequestParam(required = false) String at) {
        return oncall.nextOnCall(scheduleId, Instants.parse(at, "at", clock.instant())).stream().toList();
    }

    /** The feed URL holds the secret: it is shown in this answer only. */
    record CalendarUrl(String url) {
    }

    @PostMapping("/calendar-token")
    CalendarUrl rotateCalendarToken(Principal principal) {
        String token = feed.rotate(principal.getName());
        return new CalendarUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path(CalendarFeed.path(token))
                .toUriString());
    }
}
