package io.firebreak.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class UserApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired UserManagement userManagement;
    @Autowired AuditManagement audit;

    private static final Role[] ROLES = Role.values();

    @Test
    void everyRoleReadsUsersAndNobodyWithoutAToken() {
        UserView someone = users.create(Role.RESPONDER);
        for (Role role : ROLES) {
            String token = users.tokenFor(role);
            var list = api.get("/api/v1/users", token);
            assertThat(list.status()).as(role.name()).isEqualTo(200);
            assertThat(list.raw()).contains(someone.username()).doesNotContainIgnoringCase("password");
            var one = api.get("/api/v1/users/" + someone.id(), token);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.body().get("username").asString()).isEqualTo(someone.username());
            assertThat(one.body().get("timeZone").asString()).isEqualTo("UTC");
            assertThat(api.get("/api/v1/users/me", token).body().get("role").asString()).isEqualTo(role.name());
        }
        assertThat(api.get("/api/v1/users", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + someone.id(), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/users", null, newUser("nobody-" + System.nanoTime())).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/users/" + someone.id(), null, Map.of("displayName", "x")).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/users/me", null, Map.of("displayName", "x")).status()).isEqualTo(401);
    }

    @Test
    void unknownUserIs404() {
        String token = users.tokenFor(Role.ADMIN);
        assertThat(api.get("/api/v1/users/987654321", token).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/users/987654321", token, Map.of("displayName", "X")).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsCreateAndChangeUsers() {
        UserView target = users.create(Role.VIEWER);
        for (Role role : new Role[] { Role.VIEWER, Role.RESPONDER, Role.COMMANDER }) {
            String token = users.tokenFor(role);
            assertThat(api.post("/api/v1/users", token, newUser("u-" + System.nanoTime())).status())
                    .as(role.name()).isEqualTo(403);
            assertThat(api.put("/api/v1/users/" + target.id(), token, Map.of("displayName", "Hacked", "role", "ADMIN"))
                    .status()).as(role.name()).isEqualTo(403);
        }
        assertThat(userManagement.get(target.id())).isEqualTo(target);
    }

    @Test
    void adminCreatesAUserWhoCanSignInAndTheAuditHasNoSecret() {
        String admin = users.tokenFor(Role.ADMIN);
        String name = "created-" + System.nanoTime();
        var res = api.post("/api/v1/users", admin, newUser(name));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.raw()).doesNotContain("s3cret-pass").doesNotContainIgnoringCase("password");
        assertThat(res.body().get("role").asString()).isEqualTo("RESPONDER");
        assertThat(res.body().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        long id = res.body().get("id").asLong();
        assertThat(api.token(name, "s3cret-pass")).startsWith("fb_");

        var entry = latest("user", id);
        assertThat(entry.action()).isEqualTo("created");
        assertThat(entry.beforeJson()).isNull();
        assertThat(entry.afterJson()).contains(name).doesNotContain("s3cret-pass").doesNotContain("{bcrypt}");

        assertThat(api.post("/api/v1/users", admin, newUser(name.toUpperCase())).status()).isEqualTo(409);
    }

    @Test
    void invalidFieldsAreNamed() {
        String admin = users.tokenFor(Role.ADMIN);
        assertField(api.post("/api/v1/users", admin, with(newUser("a b c"), "username", "a b")), "username");
        assertField(api.post("/api/v1/users", admin, with(newUser("ok-" + System.nanoTime()), "password", "short")),
                "password");
        assertField(api.post("/api/v1/users", admin, with(newUser("ok-" + System.nanoTime()), "email", "nope")),
                "email");
        assertField(api.post("/api/v1/users", admin, with(newUser("ok-" + System.nanoTime()), "timeZone", "Mars/Base")),
                "timeZone");
        assertField(api.post("/api/v1/users", admin, with(newUser("ok-" + System.nanoTime()), "role", "BOSS")), "role");
        assertField(api.post("/api/v1/users", admin, with(newUser("ok-" + System.nanoTime()), "displayName", " ")),
                "displayName");
        assertField(api.post("/api/v1/users", admin, with(newUser("ok-" + System.nanoTime()), "phone", "call me")),
                "phone");
        UserView target = users.create(Role.VIEWER);
        assertField(api.put("/api/v1/users/" + target.id(), admin, Map.of("displayName", "")), "displayName");
        assertField(api.put("/api/v1/users/" + target.id(), admin, Map.of("displayName", "X", "enabled", "maybe")),
                "enabled");
        assertField(api.put("/api/v1/users/" + target.id(), admin, Map.of("displayName", "X", "password", "short")),
                "password");
    }

    @Test
    void adminChangesRoleEnabledAndPasswordWithAuditedBeforeAndAfter() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView target = users.create(Role.VIEWER);
        var res = api.put("/api/v1/users/" + target.id(), admin, Map.of("displayName", "Renamed", "email",
                "renamed@example.test", "role", "COMMANDER", "enabled", true, "timeZone", "Europe/Berlin",
                "locale", "zh-CN", "password", "brand-new-password"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("role").asString()).isEqualTo("COMMANDER");
        assertThat(res.body().get("displayName").asString()).isEqualTo("Renamed");
        assertThat(res.body().get("locale").asString()).isEqualTo("zh-CN");
        assertThat(api.token(target.username(), "brand-new-password")).startsWith("fb_");

        var entries = audit.list("user", new PageRequest(0, 50)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(target.id()))).toList();
        var updated = entries.stream().filter(e -> e.action().equals("updated")).findFirst().orElseThrow();
        assertThat(updated.beforeJson()).contains("\"VIEWER\"").doesNotContain("Renamed");
        assertThat(updated.afterJson()).contains("\"COMMANDER\"").contains("Renamed");
        var reset = entries.stream().filter(e -> e.action().equals("password-reset")).findFirst().orElseThrow();
        assertThat(reset.afterJson()).doesNotContain("brand-new-password");

        String targetToken = api.token(target.username(), "brand-new-password");
        assertThat(api.put("/api/v1/users/" + target.id(), admin, Map.of("displayName", "Renamed", "enabled", false))
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", targetToken).status()).isEqualTo(401);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() {
        UserView admin = users.create(Role.ADMIN);
        String adminToken = api.token(admin.username(), TestUsers.PASSWORD);
        // Demote every other enabled admin so this one is the last; they are restored afterwards.
        var demoted = new java.util.ArrayList<UserView>();
        for (UserView other : userManagement.list()) {
            if (other.role() == Role.ADMIN && other.enabled() && other.id() != admin.id()) {
                demoted.add(other);
                var r = api.put("/api/v1/users/" + other.id(), adminToken,
                        Map.of("displayName", other.displayName(), "role", "COMMANDER"));
                assertThat(r.status()).isEqualTo(200);
            }
        }
        try {
            var demote = api.put("/api/v1/users/" + admin.id(), adminToken,
                    Map.of("displayName", admin.displayName(), "role", "COMMANDER"));
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.body().get("detail").asString()).contains("last enabled admin");
            var disable = api.put("/api/v1/users/" + admin.id(), adminToken,
                    Map.of("displayName", admin.displayName(), "enabled", false));
            assertThat(disable.status()).isEqualTo(409);
            assertThat(userManagement.get(admin.id()).role()).isEqualTo(Role.ADMIN);
            assertThat(userManagement.get(admin.id()).enabled()).isTrue();
            // Renaming the last admin is fine.
            assertThat(api.put("/api/v1/users/" + admin.id(), adminToken,
                    Map.of("displayName", "Last admin")).status()).isEqualTo(200);
        } finally {
            for (UserView a : demoted) {
                userManagement.update(a.id(), new UserUpdate(a.displayName(), a.email(), a.phone(), a.locale(),
                        a.timeZone().getId(), Role.ADMIN, true, null), "test");
            }
        }
    }

    @Test
    void everyoneChangesTheirOwnProfileAndPasswordOnlyWithTheCurrentOne() {
        UserView viewer = users.create(Role.VIEWER);
        String token = api.token(viewer.username(), TestUsers.PASSWORD);
        var res = api.put("/api/v1/users/me", token, Map.of("displayName", "Me Myself", "phone", "+86 10 1234 5678",
                "locale", "zh-CN", "timeZone", "Asia/Shanghai"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("displayName").asString()).isEqualTo("Me Myself");
        assertThat(res.body().get("role").asString()).isEqualTo("VIEWER");
        assertThat(latest("user", viewer.id()).action()).isEqualTo("profile-changed");

        var wrong = api.put("/api/v1/users/me", token, Map.of("displayName", "Changed Anyway",
                "currentPassword", "not-it", "password", "another-password"));
        assertField(wrong, "currentPassword");
        assertThat(userManagement.get(viewer.id()).displayName()).isEqualTo("Me Myself");

        var ok = api.put("/api/v1/users/me", token, Map.of("displayName", "Me Myself",
                "currentPassword", TestUsers.PASSWORD, "password", "another-password"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(api.token(viewer.username(), "another-password")).startsWith("fb_");
        assertThat(latest("user", viewer.id()).action()).isEqualTo("password-changed");
        assertThat(latest("user", viewer.id()).afterJson()).doesNotContain("another-password");

        // Role and enabled in the body are ignored for oneself.
        api.put("/api/v1/users/me", token, Map.of("displayName", "Me Myself", "role", "ADMIN"));
        assertThat(userManagement.get(viewer.id()).role()).isEqualTo(Role.VIEWER);
        assertField(api.put("/api/v1/users/me", token, Map.of("displayName", "Me", "locale", "!!")), "locale");
    }

    private AuditEntry latest(String type, long id) {
        return audit.list(type, new PageRequest(0, 200)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(id))).findFirst().orElseThrow();
    }

    static void assertField(ApiClient.Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).isEqualTo(field);
    }

    private static Map<String, Object> newUser(String username) {
        Map<String, Object> m = new HashMap<>();
        m.put("username", username);
        m.put("displayName", "New " + username);
        m.put("email", "new@example.test");
        m.put("phone", "+1 555 0100");
        m.put("locale", "en");
        m.put("timeZone", "Asia/Shanghai");
        m.put("role", "RESPONDER");
        m.put("password", "s3cret-pass");
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }
}
