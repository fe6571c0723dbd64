package io.firebreak.incident.ui;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.shared.ConflictException;
import io.firebreak.shared.FirebreakException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.LocalizedMessages;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * Turns the outcome of an action into a notice shown on the next page (flash attribute
 * {@code notice} with {@code noticeKind} "ok" or "error"), so a refused action never shows an
 * error page: the person stays on the incident and reads why.
 */
@Component
class Notices {

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    void ok(RedirectAttributes flash, String key) {
        flash.addFlashAttribute("notice", text(key));
        flash.addFlashAttribute("noticeKind", "ok");
    }

    /** Records the refusal of an action as an error notice; rethrows anything that is not a refusal. */
    void refused(RedirectAttributes flash, RuntimeException e) {
        String text = switch (e) {
            case ConflictException c -> text("incidentui.notice.conflict", reason(c));
            case InvalidInputException i -> text("incidentui.notice.invalid", fieldLabel(i.field()), reason(i));
            case PermissionDeniedException p -> text("incidentui.notice.denied", reason(p));
            case NotFoundException n -> text("incidentui.notice.notFound", reason(n));
            default -> throw e;
        };
        flash.addFlashAttribute("notice", text);
        flash.addFlashAttribute("noticeKind", "error");
    }

    /** The refusal's reason in the viewer's language (its English message when it has no code). */
    String reason(FirebreakException e) {
        return LocalizedMessages.of(messages, e, locale());
    }

    /** The label of a form field in the viewer's language, or the field name when it has none. */
    String fieldLabel(String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        String key = "incidentui.field." + field.replaceFirst("^triage\\.", "");
        return messages.getMessage(key, null, field, locale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
