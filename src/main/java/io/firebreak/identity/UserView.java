package io.firebreak.identity;

import java.time.ZoneId;

/** A read-only view of one user, safe to hand to other modules and to render (no secrets). */
public record UserView(long id, String username, String displayName, String email, String phone,
        String locale, ZoneId timeZone, Role role, boolean enabled) {
}
