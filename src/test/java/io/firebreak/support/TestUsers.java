package io.firebreak.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;

import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;

/** Creates uniquely named users of a role, and API tokens for them. */
@TestComponent
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final UserManagement users;
    private final ApiClient api;

    public TestUsers(UserManagement users, ApiClient api) {
        this.users = users;
        this.api = api;
    }

    public UserView create(Role role) {
        String name = role.name().toLowerCase() + "-" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
        return users.create(new NewUser(name, "Test " + name, name + "@example.test", null, "en", "UTC", role, PASSWORD),
                "test");
    }

    /** A new user of the role and an API token of theirs. */
    public String tokenFor(Role role) {
        return api.token(create(role).username(), PASSWORD);
    }
}
