package io.firebreak.notification.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import io.firebreak.notification.internal.SampleIncident;
import io.firebreak.notification.internal.TemplateFormat;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.notification.internal.TemplateRenderer;
import io.firebreak.shared.InvalidInputException;

/**
 * Message templates (ADMIN): {@code GET /api/v1/notifications/templates} lists every kind in
 * zh-CN and en with the active text; {@code PUT …/{kind}/{locale}} {subject, body} stores an edit
 * (a template that does not parse is refused with 400 naming the field and the parser's error, and
 * the old one stays active); {@code DELETE …/{kind}/{locale}} goes back to the default;
 * {@code POST …/preview} {subject, body, locale} renders against the sample incident.
 */
@RestController
@RequestMapping("/api/v1/notifications/templates")
@PreAuthorize("hasRole('ADMIN')")
class TemplateApiController {

    private final TemplateRenderer renderer;

    TemplateApiController(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * One template as listed: the subject and plain text ({@code edited}: by an admin), the Markdown
     * and HTML bodies ({@code markdownEdited}, {@code htmlEdited}: false = derived from the plain text).
     */
    record TemplateResponse(String kind, String locale, String subject, String body, boolean edited, String markdown,
            boolean markdownEdited, String html, boolean htmlEdited) {
    }

    @GetMapping
    List<TemplateResponse> list() {
        List<TemplateResponse> out = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            for (String locale : List.of("zh-CN", "en")) {
                out.add(response(kind, locale));
            }
        }
        return out;
    }

    private TemplateResponse response(TemplateKind kind, String locale) {
        var t = renderer.active(kind, locale);
        return new TemplateResponse(kind.name(), locale, t.subject(), t.body(), renderer.isEdited(kind, locale),
                renderer.activeBody(kind, locale, TemplateFormat.MARKDOWN),
                renderer.isEdited(kind, locale, TemplateFormat.MARKDOWN),
                renderer.activeBody(kind, locale, TemplateFormat.HTML),
                renderer.isEdited(kind, locale, TemplateFormat.HTML));
    }

    /** Saves the Markdown or HTML body of a template ({@code {"body": …}}); 400 naming "body" if it does not parse. */
    @PutMapping("/{kind}/{locale}/{format}")
    TemplateResponse saveFormat(@PathVariable String kind, @PathVariable String locale, @PathVariable String format,
            @RequestBody Map<String, String> body, Principal principal) {
        TemplateKind k = kind(kind);
        String loc = locale(locale);
        TemplateFormat f = format(format);
        if (f == TemplateFormat.PLAIN) {
            throw new InvalidInputException("format", "the plain text is saved with PUT /{kind}/{locale}");
        }
        try {
            renderer.saveVariant(k, loc, f, body == null ? null : body.get("body"), principal.getName());
        } catch (TemplateRenderer.TemplateError e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        return response(k, loc);
    }

    /** Goes back to the Markdown or HTML body derived from the plain text. */
    @DeleteMapping("/{kind}/{locale}/{format}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetFormat(@PathVariable String kind, @PathVariable String locale, @PathVariable String format) {
        renderer.resetVariant(kind(kind), locale(locale), format(format));
    }

    @PutMapping("/{kind}/{locale}")
    TemplateResponse save(@PathVariable String kind, @PathVariable String locale, @RequestBody Map<String, String> body,
            Principal principal) {
        TemplateKind k = kind(kind);
        String loc = locale(locale);
        Map<String, String> b = body == null ? Map.of() : body;
        try {
            renderer.save(k, loc, b.get("subject"), b.get("body"), principal.getName());
        } catch (TemplateRenderer.TemplateError e) {
            String field = e.getMessage().startsWith("subject") ? "subject" : "body";
            throw new InvalidInputException(field, e.getMessage());
        }
        return response(k, loc);
    }

    @DeleteMapping("/{kind}/{locale}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable String kind, @PathVariable String locale) {
        renderer.reset(kind(kind), locale(locale));
    }

    /** Renders {@code subject} and {@code body} (in {@code format}, default PLAIN) against the sample incident. */
    @PostMapping("/preview")
    TemplateRenderer.Rendered preview(@RequestBody Map<String, String> body) {
        Map<String, String> b = body == null ? Map.of() : body;
        TemplateFormat f = format(b.getOrDefault("format", "PLAIN"));
        var vars = SampleIncident.variables(b.getOrDefault("locale", "zh-CN"));
        try {
            return new TemplateRenderer.Rendered(renderer.preview(TemplateFormat.PLAIN, b.getOrDefault("subject", ""),
                    vars), renderer.preview(f, b.getOrDefault("body", ""), vars));
        } catch (TemplateRenderer.TemplateError e) {
            throw new InvalidInputException(e.getMessage().startsWith("subject") ? "subject" : "body", e.getMessage());
        }
    }

    static TemplateKind kind(String kind) {
        try {
            return TemplateKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "unknown template kind");
        }
    }

    static TemplateFormat format(String format) {
        try {
            return TemplateFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "must be PLAIN, MARKDOWN or HTML");
        }
    }

    static String locale(String locale) {
        if (!locale.equalsIgnoreCase("en") && !locale.equalsIgnoreCase("zh-CN")) {
            throw new InvalidInputException("locale", "must be zh-CN or en");
        }
        return locale.equalsIgnoreCase("en") ? "en" : "zh-CN";
    }
}
