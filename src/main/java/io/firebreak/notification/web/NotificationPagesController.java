package io.firebreak.notification.web;

import java.security.Principal;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageStatus;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.SampleIncident;
import io.firebreak.notification.internal.TemplateFormat;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.notification.internal.TemplateRenderer;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The notification admin pages (ADMIN only): {@code /notifications} (channels with their
 * audience levels, create form, "send test message", the SSRF allow-list), {@code
 * /notifications/templates} (every template, the editor with an htmx live preview against a
 * sample incident) and {@code /notifications/ledger} (every message, searchable).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class NotificationPagesController {

    private final ChannelRepository channels;
    private final ChannelAdmin admin;
    private final DeliveryWorker worker;
    private final MessageRepository messages;
    private final TemplateRenderer renderer;

    NotificationPagesController(ChannelRepository channels, ChannelAdmin admin, DeliveryWorker worker,
            MessageRepository messages, TemplateRenderer renderer) {
        this.channels = channels;
        this.admin = admin;
        this.worker = worker;
        this.messages = messages;
        this.renderer = renderer;
    }

    @GetMapping("/notifications")
    String channels(Model model) {
        model.addAttribute("channels", channels.all().stream().map(ChannelResponse::of).toList());
        model.addAttribute("allowList", channels.allowEntries());
        model.addAttribute("kinds", ChannelKind.values());
        return "notification/channels";
    }

    @PostMapping("/notifications/channels")
    String create(@ModelAttribute ChannelForm form, Model model, Principal principal) {
        try {
            admin.create(form.toRequest(true), principal.getName());
            return "redirect:/notifications";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            return channels(model);
        }
    }

    /** The edit form of one channel: the secret only as "set"/"not set", the URL masked (empty keeps both). */
    @GetMapping("/notifications/channels/{id}")
    String editChannel(@PathVariable long id, Model model) {
        model.addAttribute("channel", ChannelResponse.of(admin.get(id)));
        model.addAttribute("kinds", ChannelKind.values());
        return "notification/channel-edit";
    }

    @PostMapping("/notifications/channels/{id}")
    String update(@PathVariable long id, @ModelAttribute ChannelForm form, Model model, Principal principal,
            HttpServletResponse response) {
        ChannelConfig before = admin.get(id);
        try {
            admin.update(id, form.toRequest(before.enabled()), principal.getName());
            return "redirect:/notifications";
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return editChannel(id, model);
        }
    }

    /** Enables or disables a channel (a disabled one sends nothing; its queued messages fail as "channel disabled"). */
    @PostMapping("/notifications/channels/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, Principal principal) {
        admin.setEnabled(id, enabled, principal.getName());
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/channels/{id}/delete")
    String delete(@PathVariable long id, Principal principal) {
        admin.delete(id, principal.getName());
        return "redirect:/notifications";
    }

    /** Sends a test message and answers with a fragment showing the provider's answer. */
    @PostMapping("/notifications/channels/{id}/test")
    String test(@PathVariable long id, Model model) {
        DeliveryResult r = worker.sendTest(admin.get(id), "Firebreak test", "Firebreak test message / 测试消息");
        model.addAttribute("result", r);
        return "notification/channels :: testResult";
    }

    @PostMapping("/notifications/allow-list")
    String allow(@RequestParam String entry, Model model, Principal principal) {
        try {
            admin.allow(entry, principal.getName());
            return "redirect:/notifications";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return channels(model);
        }
    }

    @PostMapping("/notifications/allow-list/delete")
    String disallow(@RequestParam String entry, Principal principal) {
        admin.disallow(entry, principal.getName());
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/templates")
    String templates(Model model) {
        model.addAttribute("kinds", TemplateKind.values());
        model.addAttribute("renderer", renderer);
        return "notification/templates";
    }

    /** The editor of one template in one format (PLAIN: subject and text; MARKDOWN, HTML: the body). */
    @GetMapping("/notifications/templates/{kind}/{locale}")
    String edit(@PathVariable String kind, @PathVariable String locale,
            @RequestParam(defaultValue = "PLAIN") String format, Model model) {
        TemplateKind k = TemplateApiController.kind(kind);
        String loc = TemplateApiController.locale(locale);
        TemplateFormat f = TemplateApiController.format(format);
        String subject = renderer.active(k, loc).subject();
        String body = renderer.activeBody(k, loc, f);
        editor(model, k, loc, f, subject, body);
        model.addAttribute("preview", preview(f, subject, body, loc));
        return "notification/template-edit";
    }

    @PostMapping("/notifications/templates/{kind}/{locale}")
    String save(@PathVariable String kind, @PathVariable String locale,
            @RequestParam(defaultValue = "PLAIN") String format, @RequestParam(required = false) String subject,
            @RequestParam String body, @RequestParam(required = false) String reset, Model model,
            Principal principal) {
        TemplateKind k = TemplateApiController.kind(kind);
        String loc = TemplateApiController.locale(locale);
        TemplateFormat f = TemplateApiController.format(format);
        String back = "redirect:/notifications/templates/" + k.name() + "/" + loc + "?format=" + f.name();
        if (reset != null) {
            if (f == TemplateFormat.PLAIN) {
                renderer.reset(k, loc);
            } else {
                renderer.resetVariant(k, loc, f);
            }
            return back;
        }
        try {
            if (f == TemplateFormat.PLAIN) {
                renderer.save(k, loc, subject, body, principal.getName());
            } else {
                renderer.saveVariant(k, loc, f, body, principal.getName());
            }
            return back + "&saved";
        } catch (TemplateRenderer.TemplateError e) {
            editor(model, k, loc, f, f == TemplateFormat.PLAIN ? subject : renderer.active(k, loc).subject(), body);
            model.addAttribute("error", e.getMessage());
            return "notification/template-edit";
        }
    }

    private void editor(Model model, TemplateKind k, String loc, TemplateFormat f, String subject, String body) {
        model.addAttribute("kind", k);
        model.addAttribute("locale", loc);
        model.addAttribute("format", f);
        model.addAttribute("formats", TemplateFormat.values());
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
    }

    private TemplateRenderer.Rendered preview(TemplateFormat format, String subject, String body, String locale) {
        var vars = SampleIncident.variables(locale);
        return new TemplateRenderer.Rendered(renderer.preview(TemplateFormat.PLAIN, subject == null ? "" : subject,
                vars), renderer.preview(format, body, vars));
    }

    /** The live preview fragment (htmx) of the edited text against the sample incident (HTML shown as source). */
    @PostMapping("/notifications/templates/preview")
    String preview(@RequestParam(required = false) String subject, @RequestParam String body,
            @RequestParam String locale, @RequestParam(defaultValue = "PLAIN") String format, Model model) {
        try {
            model.addAttribute("preview", preview(TemplateApiController.format(format), subject, body, locale));
        } catch (TemplateRenderer.TemplateError e) {
            model.addAttribute("error", e.getMessage());
        }
        return "notification/template-edit :: preview";
    }

    @GetMapping("/notifications/ledger")
    String ledger(@RequestParam(required = false) String incident, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, Model model) {
        MessageStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = MessageStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                s = null;
            }
        }
        model.addAttribute("messages", messages.search(incident, s, q, 200));
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("incident", incident);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("q", q);
        return "notification/ledger";
    }
}
