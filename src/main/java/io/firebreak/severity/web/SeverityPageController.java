package io.firebreak.severity.web;

import java.security.Principal;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.severity.SeverityLevelChange;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.severity.SeveritySchemeView;
import io.firebreak.severity.TargetUnit;
import io.firebreak.severity.WorkingCalendarChange;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The {@code /severity} page: everyone reads the active scheme and the working calendar;
 * administrators switch schemes, edit levels and change the calendar. Every change redirects back
 * with a notice saying what was saved or which field was wrong.
 */
@Controller
class SeverityPageController {

    private final SeverityManagement severity;
    private final MessageSource messages;

    SeverityPageController(SeverityManagement severity, MessageSource messages) {
        this.severity = severity;
        this.messages = messages;
    }

    @GetMapping("/severity")
    @PreAuthorize("hasRole('VIEWER')")
    String page(Model model, Authentication auth) {
        SeveritySchemeView active = severity.activeScheme();
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        model.addAttribute("scheme", active);
        model.addAttribute("others", severity.schemes().stream().filter(s -> !s.active()).toList());
        model.addAttribute("calendar", severity.calendar());
        model.addAttribute("admin", admin);
        model.addAttribute("allDays", Arrays.asList(DayOfWeek.values()));
        model.addAttribute("units", Arrays.asList(TargetUnit.values()));
        if (admin) {
            model.addAttribute("definitions", severity.levelDefinitions(active.code()));
        }
        return "severity/index";
    }

    @PostMapping("/severity/active")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(Principal principal, @RequestParam(required = false) String code, RedirectAttributes flash) {
        return change(flash, () -> {
            SeveritySchemeView s = severity.activate(principal.getName(), code);
            return msg("severity.switched", s.name());
        });
    }

    @PostMapping("/severity/schemes/{scheme}/levels/{level}")
    @PreAuthorize("hasRole('ADMIN')")
    String updateLevel(Principal principal, @PathVariable String scheme, @PathVariable String level,
            LevelForm form, RedirectAttributes flash) {
        return change(flash, () -> {
            severity.updateLevel(principal.getName(), scheme, level, form.toChange());
            return msg("severity.levelSaved", level);
        });
    }

    @PostMapping("/severity/calendar")
    @PreAuthorize("hasRole('ADMIN')")
    String updateCalendar(Principal principal, @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) List<String> workingDays, @RequestParam(required = false) String dayStart,
            @RequestParam(required = false) String dayEnd, RedirectAttributes flash) {
        return change(flash, () -> {
            severity.updateCalendar(principal.getName(),
                    new WorkingCalendarChange(timeZone, workingDays == null ? List.of() : workingDays, dayStart, dayEnd));
            return msg("severity.calendarSaved");
        });
    }

    @PostMapping("/severity/calendar/holidays")
    @PreAuthorize("hasRole('ADMIN')")
    String addHoliday(Principal principal, @RequestParam(required = false) String date,
            @RequestParam(required = false) String name, RedirectAttributes flash) {
        return change(flash, () -> {
            severity.addHoliday(principal.getName(), SeverityManagement.parseDate(date, "date"), name);
            return msg("severity.holidaySaved");
        });
    }

    @PostMapping("/severity/calendar/holidays/{date}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String removeHoliday(Principal principal, @PathVariable String date, RedirectAttributes flash) {
        return change(flash, () -> {
            severity.removeHoliday(principal.getName(), SeverityManagement.parseDate(date, "date"));
            return msg("severity.holidayRemoved");
        });
    }

    private String change(RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("saved", action.get());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("failed", msg("severity.error", e.field(), e.getMessage()));
        } catch (NotFoundException e) {
            flash.addFlashAttribute("failed", msg("severity.error", "", e.getMessage()));
        }
        return "redirect:/severity";
    }

    private String msg(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    /** The level edit form: text fields as typed; examples one per line; amounts checked by the facade. */
    record LevelForm(String nameEn, String nameZh, String definitionEn, String definitionZh, String examplesEn,
            String examplesZh, String responseAmount, String responseUnit, String resolutionAmount,
            String resolutionUnit, String audienceEn, String audienceZh, String postmortemRequired) {

        SeverityLevelChange toChange() {
            return new SeverityLevelChange(nameEn, nameZh, definitionEn, definitionZh, lines(examplesEn),
                    lines(examplesZh), number(responseAmount, "responseAmount"), responseUnit,
                    number(resolutionAmount, "resolutionAmount"), resolutionUnit, audienceEn, audienceZh,
                    "true".equals(postmortemRequired) || "on".equals(postmortemRequired));
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : text.lines().toList();
        }

        private static Integer number(String value, String field) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "must be a whole number");
            }
        }
    }
}
