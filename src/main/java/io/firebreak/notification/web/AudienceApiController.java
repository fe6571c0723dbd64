package io.firebreak.notification.web;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.notification.Audience;
import io.firebreak.notification.internal.AudienceBook;

/**
 * {@code GET/PUT /api/v1/notifications/audiences/{levelCode}}: the channels, teams and users of a
 * level's audience; reading needs any role, replacing needs ADMIN.
 */
@RestController
@RequestMapping("/api/v1/notifications/audiences")
class AudienceApiController {

    private final AudienceBook audiences;

    AudienceApiController(AudienceBook audiences) {
        this.audiences = audiences;
    }

    @GetMapping("/{levelCode}")
    Audience get(@PathVariable String levelCode) {
        return audiences.get(levelCode);
    }

    @PutMapping("/{levelCode}")
    @PreAuthorize("hasRole('ADMIN')")
    Audience put(@PathVariable String levelCode, @RequestBody Audience body, Principal principal) {
        return audiences.put(levelCode, body, principal.getName());
    }
}
