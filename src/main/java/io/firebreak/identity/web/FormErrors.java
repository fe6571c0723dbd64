package io.firebreak.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;

/**
 * Puts a rejected form's errors into the page model in the viewer's language: {@code errors}
 * maps a field to its message, {@code formError} holds a message about the form as a whole.
 * A field's message is {@code identity.error.<field>}, falling back to the domain's own words.
 */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    void field(Model model, InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(e.field(), text("identity.error." + e.field(), e.getMessage()));
        model.addAttribute("errors", errors);
    }

    /** A conflict shown with the message under {@code key}, or the domain's reason if there is none. */
    void conflict(Model model, String key, ConflictException e) {
        model.addAttribute("formError", text(key, e.getMessage()));
    }

    String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
