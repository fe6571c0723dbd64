package io.firebreak.identity.web;

import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.identity.AuditEntry;
import io.firebreak.identity.AuditManagement;
import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/audit}: the audit log, newest first, for admins only. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditManagement audit;
    private final JsonMapper json;

    AuditApiController(AuditManagement audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping
    PageResult<Item> list(@RequestParam(required = false) String entityType,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.list(entityType, new PageRequest(page, size)).map(this::item);
    }

    private Item item(AuditEntry e) {
        return new Item(e.id(), e.at(), e.actor(), e.entityType(), e.entityId(), e.action(), parse(e.beforeJson()),
                parse(e.afterJson()));
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }

    /** One entry with its before and after states as JSON objects rather than strings. */
    record Item(long id, Instant at, String actor, String entityType, String entityId, String action,
            JsonNode before, JsonNode after) {
    }
}
