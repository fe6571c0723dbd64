package io.firebreak.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class IdentityPagesTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired UserManagement userManagement;
    @Autowired TeamManagement teams;
    @Autowired TokenManagement tokens;
    @Autowired AuditManagement audit;

    private WebSession as(Role role) {
        UserView user = users.create(role);
        return new WebSession(api.baseUrl()).login(user.username(), TestUsers.PASSWORD);
    }

    @Test
    void adminPagesAreForbiddenToOthersAndOwnPagesOpenToAll() {
        WebSession viewer = as(Role.VIEWER);
        WebSession commander = as(Role.COMMANDER);
        for (WebSession s : List.of(viewer, commander)) {
            assertThat(s.get("/users").status()).isEqualTo(403);
            assertThat(s.get("/audit").status()).isEqualTo(403);
            assertThat(s.post("/users", Map.of("username", "x")).status()).isEqualTo(403);
            assertThat(s.post("/teams", Map.of("name", "x")).status()).isEqualTo(403);
            assertThat(s.get("/teams").status()).isEqualTo(200);
            assertThat(s.get("/profile").status()).isEqualTo(200);
            assertThat(s.get("/tokens").status()).isEqualTo(200);
        }
        WebSession anonymous = new WebSession(api.baseUrl());
        assertThat(anonymous.get("/users").status()).isEqualTo(302);
        assertThat(anonymous.get("/users").location()).endsWith("/login");
    }

    @Test
    void adminCreatesAndEditsAUserWithInlineErrors() {
        WebSession admin = as(Role.ADMIN);
        var page = admin.get("/users");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Add a user");

        String name = "page-user-" + System.nanoTime() % 1_000_000;
        var bad = admin.post("/users", Map.of("username", name, "displayName", "Page <User>", "email", "not-mail",
                "locale", "en", "timeZone", "UTC", "role", "RESPONDER", "password", "long-enough-pw"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Enter a valid email address").contains("Page &lt;User&gt;")
                .doesNotContain("long-enough-pw");
        assertThat(userManagement.findByUsername(name)).isEmpty();

        var ok = admin.post("/users", Map.of("username", name, "displayName", "Page User", "email", "p@example.test",
                "locale", "zh-CN", "timeZone", "Asia/Shanghai", "role", "COMMANDER", "password", "long-enough-pw"));
        assertThat(ok.status()).isEqualTo(302);
        UserView created = userManagement.getByUsername(name);
        assertThat(created.role()).isEqualTo(Role.COMMANDER);
        assertThat(admin.get("/users").body()).contains(name).contains("User created");

        var dup = admin.post("/users", Map.of("username", name, "displayName", "Again", "role", "VIEWER",
                "password", "long-enough-pw"));
        assertThat(dup.status()).isEqualTo(200);
        assertThat(dup.body()).contains("That user name is already taken.");

        assertThat(admin.get("/users/" + created.id()).body()).contains("Edit user " + name);
        // The checkbox is left out, so the user is disabled.
        var edited = admin.post("/users/" + created.id(), Map.of("displayName", "Page User 2", "locale", "en",
                "timeZone", "UTC", "role", "VIEWER"));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(userManagement.get(created.id()).enabled()).isFalse();
        assertThat(userManagement.get(created.id()).role()).isEqualTo(Role.VIEWER);
        assertThat(admin.get("/users/99999999").status()).isEqualTo(404);
    }

    @Test
    void teamsAreReadByAllAndManagedByAdmins() {
        UserView member = users.create(Role.RESPONDER);
        WebSession admin = as(Role.ADMIN);
        String name = TeamApiTests.unique("Page team");
        var created = admin.post("/teams", Map.of("name", name, "description", "From the page"));
        assertThat(created.status()).isEqualTo(302);
        long id = teams.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
        assertThat(admin.post("/teams", Map.of("name", name)).body()).contains("A team with that name already exists.");
        assertThat(admin.post("/teams", Map.of("name", "")).body()).contains("Enter a name of 1-100 characters.");
        assertThat(admin.post("/teams/" + id + "/members", Map.of("userId", String.valueOf(member.id()))).status())
                .isEqualTo(302);
        assertThat(teams.get(id).memberIds()).containsExactly(member.id());
        assertThat(admin.get("/teams/" + id).body()).contains(member.displayName());

        WebSession viewer = as(Role.VIEWER);
        assertThat(viewer.get("/teams").body()).contains(name).contains(member.displayName()).doesNotContain("Add a team");
        assertThat(viewer.get("/teams/" + id).status()).isEqualTo(403);
        assertThat(viewer.post("/teams/" + id + "/delete", Map.of()).status()).isEqualTo(403);

        assertThat(admin.post("/teams/" + id + "/members/" + member.id() + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(teams.get(id).memberIds()).isEmpty();
        assertThat(admin.post("/teams/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(teams.find(id)).isEmpty();
    }

    @Test
    void profileChangesLanguageAndPassword() {
        UserView user = users.create(Role.VIEWER);
        WebSession s = new WebSession(api.baseUrl()).login(user.username(), TestUsers.PASSWORD);
        assertThat(s.get("/profile").body()).contains(user.username());
        var saved = s.post("/profile", Map.of("displayName", "Profiled", "email", "", "phone", "",
                "locale", "zh-CN", "timeZone", "Asia/Shanghai"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(userManagement.get(user.id()).locale()).isEqualTo("zh-CN");
        assertThat(s.get("/profile").body()).contains("我的资料");

        var wrong = s.post("/profile/password", Map.of("currentPassword", "nope", "newPassword", "new-password-1",
                "confirmPassword", "new-password-1"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("当前密码不正确");
        var mismatch = s.post("/profile/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "new-password-1", "confirmPassword", "new-password-2"));
        assertThat(mismatch.body()).contains("两次输入的新密码不一致");
        var ok = s.post("/profile/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "new-password-1", "confirmPassword", "new-password-1"));
        assertThat(ok.status()).isEqualTo(302);
        new WebSession(api.baseUrl()).login(user.username(), "new-password-1");
    }

    @Test
    void aNewTokenIsShownExactlyOnceAndCanBeRevoked() {
        UserView user = users.create(Role.RESPONDER);
        WebSession s = new WebSession(api.baseUrl()).login(user.username(), TestUsers.PASSWORD);
        assertThat(s.post("/tokens", Map.of("name", " ")).body()).contains("field-error");
        var created = s.post("/tokens", Map.of("name", "from-the-page"));
        assertThat(created.status()).isEqualTo(302);
        var shown = s.get("/tokens");
        var m = java.util.regex.Pattern.compile("value=\"(fb_[A-Za-z0-9_-]+)\"").matcher(shown.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(shown.body()).contains("shown only this once");
        assertThat(api.get("/api/v1/users/me", secret).status()).isEqualTo(200);
        assertThat(s.get("/tokens").body()).doesNotContain(secret).contains("from-the-page");

        long id = tokens.list(user.username()).stream().filter(t -> t.name().equals("from-the-page")).findFirst()
                .orElseThrow().id();
        // Someone else cannot revoke it.
        assertThat(as(Role.COMMANDER).post("/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(s.post("/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(302);
        assertThat(api.get("/api/v1/users/me", secret).status()).isEqualTo(401);
        assertThat(s.get("/tokens").body()).contains("Revoked ");
    }

    @Test
    void aDemotedOrDisabledUserLosesTheirRightsInOpenSessionsAtOnce() {
        UserView admin = users.create(Role.ADMIN);
        UserView other = users.create(Role.ADMIN);
        WebSession session = new WebSession(api.baseUrl()).login(other.username(), TestUsers.PASSWORD);
        assertThat(session.get("/users").status()).isEqualTo(200);
        userManagement.update(other.id(), new UserUpdate(other.displayName(), null, null, "en", "UTC", Role.VIEWER,
                true, null), admin.username());
        assertThat(session.get("/users").status()).isEqualTo(403);
        assertThat(session.get("/teams").status()).isEqualTo(200);
        userManagement.update(other.id(), new UserUpdate(other.displayName(), null, null, "en", "UTC", Role.VIEWER,
                false, null), admin.username());
        var gone = session.get("/teams");
        assertThat(gone.status()).isEqualTo(302);
        assertThat(gone.location()).endsWith("/login");
    }

    @Test
    void auditPageFiltersAndShowsBeforeAndAfter() {
        String name = TeamApiTests.unique("Audit <page>");
        TeamView team = teams.create(new TeamDefinition(name, null), "auditor");
        WebSession admin = as(Role.ADMIN);
        var page = admin.get("/audit?entityType=team");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<details>").contains("auditor").contains("Team #" + team.id())
                .contains("Audit &lt;page&gt;").doesNotContain("Audit <page>");
        assertThat(admin.get("/audit?entityType=team&page=abc").status()).isEqualTo(200);
        long total = audit.list("team", new PageRequest(0, 1)).total();
        if (total > 50) {
            assertThat(page.body()).contains("Next");
        }
    }
}
