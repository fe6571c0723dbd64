package io.firebreak.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;

/**
 * On the first start (no users at all) creates {@code admin} with the password from
 * {@code FIREBREAK_ADMIN_PASSWORD}, or a generated one printed once in the log. When several
 * instances start together on an empty database, one of them creates it and the others go on.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserManagement users;
    private final String configuredPassword;

    AdminBootstrap(UserManagement users, @Value("${firebreak.admin-password:${FIREBREAK_ADMIN_PASSWORD:}}") String password) {
        this.users = users;
        this.configuredPassword = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        try {
            users.create(new NewUser("admin", "Administrator", null, null, null, "UTC", Role.ADMIN, password), "system");
        } catch (DuplicateKeyException e) {
            // Several instances started at once on an empty database: another one created it.
            log.info("The user 'admin' was created by another instance starting at the same time");
            return;
        }
        if (generated) {
            log.warn("""

                    ============================================================
                     Firebreak created the user 'admin' with this password:
                       {}
                     It is shown only once. Change it after logging in.
                    ============================================================""", password);
        } else {
            log.info("Created the user 'admin' with the password from FIREBREAK_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
