package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.ContactBook;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** Contact methods: own vs. others (ADMIN), validation naming the field, the page. */
@FirebreakTest
class NotificationContactsTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    ContactBook contacts;

    @Test
    void aPersonEditsTheirOwnContactMethodsAndAnAdminAnyones() {
        UserView responder = users.create(Role.RESPONDER);
        String token = api.token(responder.username(), TestUsers.PASSWORD);
        String path = "/api/v1/notifications/contacts/" + responder.id();
        var put = api.put(path, token, Map.of("slack", "U012AB3CD", "dingtalk", "13800000000", "wecom", "zhangsan",
                "feishu", "ou_123abc"));
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        var got = api.get(path, token);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().get("slack").asString()).isEqualTo("U012AB3CD");
        assertThat(got.body().get("feishu").asString()).isEqualTo("ou_123abc");
        assertThat(got.body().get("email").asString()).isEqualTo(responder.email());
        assertThat(contacts.of(responder.id()).dingtalk()).isEqualTo("13800000000");

        UserView other = users.create(Role.COMMANDER);
        String otherPath = "/api/v1/notifications/contacts/" + other.id();
        assertThat(api.get(otherPath, token).status()).isEqualTo(403);
        assertThat(api.put(otherPath, token, Map.of("slack", "U999")).status()).isEqualTo(403);
        assertThat(api.put(otherPath, users.tokenFor(Role.COMMANDER), Map.of("slack", "U999")).status())
                .isEqualTo(403);
        assertThat(contacts.of(other.id())).isEqualTo(ContactMethods.NONE);

        String admin = users.tokenFor(Role.ADMIN);
        assertThat(api.put(otherPath, admin, Map.of("wecom", "lisi")).status()).isEqualTo(200);
        assertThat(contacts.of(other.id()).wecom()).isEqualTo("lisi");
        assertThat(api.get(path, admin).body().get("slack").asString()).isEqualTo("U012AB3CD");
        assertThat(api.get("/api/v1/notifications/contacts/987654321", admin).status()).isEqualTo(404);

        // a viewer reads and edits their own through the API too, never another person's
        UserView viewer = users.create(Role.VIEWER);
        String viewerToken = api.token(viewer.username(), TestUsers.PASSWORD);
        assertThat(api.get("/api/v1/notifications/contacts/" + viewer.id(), viewerToken).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/notifications/contacts/" + viewer.id(), viewerToken, Map.of("slack", "U123"))
                .status()).isEqualTo(200);
        assertThat(contacts.of(viewer.id()).slack()).isEqualTo("U123");
        assertThat(api.put(otherPath, viewerToken, Map.of("slack", "U999")).status()).isEqualTo(403);
        var mine = api.put("/api/v1/users/me/contacts", viewerToken, Map.of("wecom", "viewer1"));
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me/contacts", viewerToken).body().get("wecom").asString())
                .isEqualTo("viewer1");
    }

    @Test
    void badIdsAreRefusedNamingTheField() {
        UserView responder = users.create(Role.RESPONDER);
        String token = api.token(responder.username(), TestUsers.PASSWORD);
        String path = "/api/v1/notifications/contacts/" + responder.id();
        assertThat(api.put(path, token, Map.of("slack", "U012AB3CD")).status()).isEqualTo(200);
        for (var bad : Map.of("slack", "not a slack id", "dingtalk", "x".repeat(65), "wecom", "<b>x</b>",
                "feishu", "a b").entrySet()) {
            var r = api.put(path, token, Map.of(bad.getKey(), bad.getValue()));
            assertThat(r.status()).as(bad + " " + r.raw()).isEqualTo(400);
            assertThat(r.body().get("field").asString()).isEqualTo(bad.getKey());
        }
        assertThat(contacts.of(responder.id()).slack()).as("nothing half-written").isEqualTo("U012AB3CD");
    }

    @Test
    void thePageEditsOnesOwnAndOnlyAdminsPickOthers() {
        UserView viewer = users.create(Role.VIEWER);
        UserView other = users.create(Role.RESPONDER);
        WebSession web = new WebSession(api.baseUrl()).login(viewer.username(), TestUsers.PASSWORD);
        var page = web.get("/notifications/contacts");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(viewer.username()).doesNotContain(other.username());
        var saved = web.post("/notifications/contacts", Map.of("userId", viewer.id(), "slack", "W0ABC", "dingtalk",
                "", "wecom", "", "feishu", ""));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(contacts.of(viewer.id()).slack()).isEqualTo("W0ABC");
        var bad = web.post("/notifications/contacts", Map.of("userId", viewer.id(), "slack", "bad id"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("slack");
        assertThat(web.get("/notifications/contacts?user=" + other.id()).status()).isEqualTo(403);
        assertThat(web.post("/notifications/contacts", Map.of("userId", other.id(), "slack", "U1234")).status())
                .isEqualTo(403);

        UserView admin = users.create(Role.ADMIN);
        WebSession adminWeb = new WebSession(api.baseUrl()).login(admin.username(), TestUsers.PASSWORD);
        var adminPage = adminWeb.get("/notifications/contacts?user=" + other.id());
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.body()).contains(other.username());
        assertThat(adminWeb.post("/notifications/contacts", Map.of("userId", other.id(), "feishu", "ou_x")).status())
                .isEqualTo(200);
        assertThat(contacts.of(other.id()).feishu()).isEqualTo("ou_x");
    }
}
