package io.firebreak.severity.web;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.severity.Holiday;
import io.firebreak.severity.SeverityLevelChange;
import io.firebreak.severity.SeverityLevelDefinition;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.severity.SeveritySchemeView;
import io.firebreak.severity.WorkingCalendar;
import io.firebreak.severity.WorkingCalendarChange;

/**
 * {@code /api/v1/severity}: schemes, levels and the working calendar. Reading needs viewer;
 * every change needs admin. Texts of views follow the caller's language.
 */
@RestController
@RequestMapping("/api/v1/severity")
class SeverityApiController {

    private final SeverityManagement severity;

    SeverityApiController(SeverityManagement severity) {
        this.severity = severity;
    }

    @GetMapping("/schemes")
    List<SeveritySchemeView> schemes() {
        return severity.schemes();
    }

    @GetMapping("/schemes/{code}")
    SeveritySchemeView scheme(@PathVariable String code) {
        return severity.scheme(code);
    }

    /** Every level of a scheme with its texts in both languages (for editing). */
    @GetMapping("/schemes/{code}/levels")
    List<SeverityLevelDefinition> levels(@PathVariable String code) {
        return severity.levelDefinitions(code);
    }

    @GetMapping("/schemes/{code}/levels/{levelCode}")
    SeverityLevelDefinition level(@PathVariable String code, @PathVariable String levelCode) {
        return severity.levelDefinition(code, levelCode);
    }

    @PutMapping("/schemes/{code}/levels/{levelCode}")
    @PreAuthorize("hasRole('ADMIN')")
    SeverityLevelDefinition updateLevel(Principal principal, @PathVariable String code,
            @PathVariable String levelCode, @RequestBody SeverityLevelChange change) {
        return severity.updateLevel(principal.getName(), code, levelCode, change);
    }

    @GetMapping("/active")
    SeveritySchemeView active() {
        return severity.activeScheme();
    }

    @PutMapping("/active")
    @PreAuthorize("hasRole('ADMIN')")
    SeveritySchemeView activate(Principal principal, @RequestBody ActivateRequest request) {
        return severity.activate(principal.getName(), request == null ? null : request.code());
    }

    @GetMapping("/calendar")
    CalendarView calendar() {
        return CalendarView.of(severity.calendar());
    }

    @PutMapping("/calendar")
    @PreAuthorize("hasRole('ADMIN')")
    CalendarView updateCalendar(Principal principal, @RequestBody WorkingCalendarChange change) {
        return CalendarView.of(severity.updateCalendar(principal.getName(), change));
    }

    @PostMapping("/calendar/holidays")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Holiday addHoliday(Principal principal, @RequestBody HolidayRequest request) {
        LocalDate date = SeverityManagement.parseDate(request == null ? null : request.date(), "date");
        return severity.addHoliday(principal.getName(), date, request.name());
    }

    @DeleteMapping("/calendar/holidays/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    Holiday removeHoliday(Principal principal,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return severity.removeHoliday(principal.getName(), date);
    }

    record ActivateRequest(String code) {
    }

    record HolidayRequest(String date, String name) {
    }

    /** The calendar as JSON: days as three-letter names in week order, times as HH:mm. */
    record CalendarView(String timeZone, List<String> workingDays, String dayStart, String dayEnd,
            long workingDayMinutes, List<Holiday> holidays) {

        static CalendarView of(WorkingCalendar c) {
            return new CalendarView(c.timeZone().getId(),
                    c.workingDaysInOrder().stream().map(DayOfWeek::name).map(n -> n.substring(0, 3)).toList(),
                    c.dayStart().toString(), c.dayEnd().toString(), c.workingDayLength().toMinutes(), c.holidays());
        }
    }
}
