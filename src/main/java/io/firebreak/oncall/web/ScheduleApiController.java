package io.firebreak.oncall.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.oncall.LayerDefinition;
import io.firebreak.oncall.OnCallShift;
import io.firebreak.oncall.OncallManagement;
import io.firebreak.oncall.OverrideDefinition;
import io.firebreak.oncall.OverrideView;
import io.firebreak.oncall.ScheduleDefinition;
import io.firebreak.oncall.ScheduleView;
import io.firebreak.oncall.SwapRequest;
import io.firebreak.oncall.internal.OverrideDesk;
import io.firebreak.oncall.internal.ScheduleEditor;
import io.firebreak.shared.InvalidInputException;

/**
 * {@code /api/v1/schedules}: everyone reads schedules, their shifts and overrides; admins change
 * schedules and layers; responders put themselves on call (override, take-shift, swap) and
 * commanders or admins arrange anyone.
 */
@RestController
@RequestMapping("/api/v1/schedules")
class ScheduleApiController {

    static final Duration MAX_WINDOW = Duration.ofDays(62);

    private final ScheduleEditor editor;
    private final OverrideDesk overrides;
    private final OncallManagement oncall;
    private final Clock clock;

    ScheduleApiController(ScheduleEditor editor, OverrideDesk overrides, OncallManagement oncall, Clock clock) {
        this.editor = editor;
        this.overrides = overrides;
        this.oncall = oncall;
        this.clock = clock;
    }

    @GetMapping
    List<ScheduleView> list() {
        return editor.list();
    }

    @GetMapping("/{id}")
    ScheduleView get(@PathVariable long id) {
        return editor.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ScheduleView create(Principal principal, @RequestBody(required = false) ScheduleDefinition body) {
        return editor.create(body, principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ScheduleView update(Principal principal, @PathVariable long id,
            @RequestBody(required = false) ScheduleDefinition body) {
        return editor.update(id, body, principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(Principal principal, @PathVariable long id) {
        editor.delete(id, principal.getName());
    }

    @PostMapping("/{id}/layers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ScheduleView addLayer(Principal principal, @PathVariable long id,
            @RequestBody(required = false) LayerDefinition body) {
        return editor.addLayer(id, body, principal.getName());
    }

    @PutMapping("/{id}/layers/{layerId}")
    @PreAuthorize("hasRole('ADMIN')")
    ScheduleView updateLayer(Principal principal, @PathVariable long id, @PathVariable long layerId,
            @RequestBody(required = false) LayerDefinition body) {
        return editor.updateLayer(id, layerId, body, principal.getName());
    }

    @DeleteMapping("/{id}/layers/{layerId}")
    @PreAuthorize("hasRole('ADMIN')")
    ScheduleView deleteLayer(Principal principal, @PathVariable long id, @PathVariable long layerId) {
        return editor.deleteLayer(id, layerId, principal.getName());
    }

    /** Who is on call over [from, to) (default: the next 14 days; at most 62 days). */
    @GetMapping("/{id}/shifts")
    List<OnCallShift> shifts(@PathVariable long id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        editor.get(id);
        Instant start = Instants.parse(from, "from", clock.instant());
        Instant end = Instants.parse(to, "to", start.plus(Duration.ofDays(14)));
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("to", "must be after from and at most 62 days later");
        }
        return oncall.shifts(id, start, end);
    }

    @GetMapping("/{id}/overrides")
    List<OverrideView> overrides(@PathVariable long id) {
        return overrides.upcoming(id);
    }

    @PostMapping("/{id}/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    OverrideView addOverride(Principal principal, @PathVariable long id,
            @RequestBody(required = false) OverrideDefinition body) {
        return overrides.create(id, body, principal.getName());
    }

    @DeleteMapping("/{id}/overrides/{overrideId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOverride(Principal principal, @PathVariable long id, @PathVariable long overrideId) {
        overrides.delete(id, overrideId, principal.getName());
    }

    @PostMapping("/{id}/take-shift")
    @ResponseStatus(HttpStatus.CREATED)
    OverrideView takeShift(Principal principal, @PathVariable long id) {
        return overrides.takeShift(id, principal.getName());
    }

    @PostMapping("/{id}/swaps")
    @ResponseStatus(HttpStatus.CREATED)
    List<OverrideView> swap(Principal principal, @PathVariable long id,
            @RequestBody(required = false) SwapRequest body) {
        return overrides.swap(id, body, principal.getName());
    }
}
