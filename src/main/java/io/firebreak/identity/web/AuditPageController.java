package io.firebreak.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.identity.AuditManagement;
import io.firebreak.shared.PageRequest;

/** {@code /audit}: admins browse the audit log, newest first, filtered by entity type. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditManagement audit;

    AuditPageController(AuditManagement audit) {
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String page,
            Model model) {
        int number = parsePage(page);
        String type = entityType == null || entityType.isBlank() ? null : entityType;
        model.addAttribute("entries", audit.list(type, new PageRequest(number, PAGE_SIZE)));
        model.addAttribute("entityTypes", audit.entityTypes());
        model.addAttribute("entityType", type == null ? "" : type);
        return "identity/audit";
    }

    /** A bad page number in a hand-edited URL shows the first page rather than an error. */
    private static int parsePage(String page) {
        try {
            return Math.max(0, Integer.parseInt(page == null ? "0" : page.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
