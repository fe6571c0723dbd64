package io.firebreak.notification.web;

import java.security.Principal;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.notification.MessageStatus;
import io.firebreak.notification.internal.AttemptView;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.DeliveryWorker;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.StoredMessage;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The notification admin API under {@code /api/v1/notifications} (ADMIN only): channels
 * (secrets write-only), the SSRF allow-list, a test send that reports the provider's answer, and
 * the message ledger.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize("hasRole('ADMIN')")
class NotificationApiController {

    private final ChannelAdmin admin;
    private final io.firebreak.notification.internal.ChannelRepository channels;
    private final MessageRepository messages;
    private final DeliveryWorker worker;

    NotificationApiController(ChannelAdmin admin, io.firebreak.notification.internal.ChannelRepository channels,
            MessageRepository messages, DeliveryWorker worker) {
        this.admin = admin;
        this.channels = channels;
        this.messages = messages;
        this.worker = worker;
    }

    @GetMapping("/channels")
    List<ChannelResponse> channels() {
        return channels.all().stream().map(ChannelResponse::of).toList();
    }

    @GetMapping("/channels/{id}")
    ChannelResponse channel(@PathVariable long id) {
        return ChannelResponse.of(admin.get(id));
    }

    @PostMapping("/channels")
    @ResponseStatus(HttpStatus.CREATED)
    ChannelResponse create(@RequestBody ChannelRequest request, Principal principal) {
        return ChannelResponse.of(admin.create(request, principal.getName()));
    }

    @PutMapping("/channels/{id}")
    ChannelResponse update(@PathVariable long id, @RequestBody ChannelRequest request, Principal principal) {
        return ChannelResponse.of(admin.update(id, request, principal.getName()));
    }

    @DeleteMapping("/channels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Principal principal) {
        admin.delete(id, principal.getName());
    }

    /** Sends a test message right now and answers with what the provider said. */
    @PostMapping("/channels/{id}/test")
    DeliveryResult test(@PathVariable long id) {
        return worker.sendTest(admin.get(id), "Firebreak test", "Firebreak test message / 测试消息");
    }

    @GetMapping("/allow-list")
    List<String> allowList() {
        return channels.allowEntries();
    }

    @PostMapping("/allow-list")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> allow(@RequestBody Map<String, String> body, Principal principal) {
        String entry = body == null ? null : body.get("entry");
        admin.allow(entry, principal.getName());
        return Map.of("entry", entry.strip());
    }

    @DeleteMapping("/allow-list")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disallow(@RequestParam String entry, Principal principal) {
        admin.disallow(entry, principal.getName());
    }

    /** The ledger: messages, newest first, filtered by incident number, status and text. */
    @GetMapping("/messages")
    List<StoredMessage> messages(@RequestParam(required = false) String incident,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit) {
        MessageStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = MessageStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "unknown status");
            }
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return messages.search(incident, s, q, limit);
    }

    /** One message with every attempt. */
    @GetMapping("/messages/{id}")
    Map<String, Object> message(@PathVariable long id) {
        StoredMessage m = messages.find(id).orElseThrow(() -> new NotFoundException("No message with id " + id));
        List<AttemptView> attempts = messages.attempts(id);
        return Map.of("message", m, "attempts", attempts);
    }
}
