package io.firebreak.incident.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** The inhibition rules API and page: admins create and delete, others read, bad matchers are 400s naming the field. */
@FirebreakTest
class InhibitionRuleTests {

    private static final String BASE = "/api/v1/inhibition-rules";

    @Autowired ApiClient api;
    @Autowired TestUsers users;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> rule(String name, String op, String value) {
        return Map.of("name", name,
                "source", List.of(Map.of("label", "alertname", "op", "=", "value", "NodeDown")),
                "target", List.of(Map.of("label", "severity", "op", op, "value", value)),
                "equal", List.of("cluster", "cluster"));
    }

    @Test
    void adminCreatesListsAndDeletesRules() {
        String admin = users.tokenFor(Role.ADMIN);
        String name = unique("node down");
        var created = api.post(BASE, admin, rule(name, "=~", "warning|info"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("target").get(0).get("op").asString()).isEqualTo("=~");
        assertThat(created.body().get("equal").size()).as("duplicates dropped").isEqualTo(1);

        var list = api.get(BASE, users.tokenFor(Role.VIEWER));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).contains(name);
        assertThat(api.get(BASE + "/" + id, users.tokenFor(Role.VIEWER)).body().get("name").asString()).isEqualTo(name);

        assertThat(api.delete(BASE + "/" + id, users.tokenFor(Role.COMMANDER)).status()).isEqualTo(403);
        assertThat(api.delete(BASE + "/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get(BASE + "/" + id, admin).status()).isEqualTo(404);
        assertThat(api.delete(BASE + "/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsCreate() {
        assertThat(api.post(BASE, users.tokenFor(Role.VIEWER), rule(unique("r"), "=", "warning")).status())
                .isEqualTo(403);
        assertThat(api.post(BASE, users.tokenFor(Role.RESPONDER), rule(unique("r"), "=", "warning")).status())
                .isEqualTo(403);
        assertThat(api.post(BASE, users.tokenFor(Role.COMMANDER), rule(unique("r"), "=", "warning")).status())
                .isEqualTo(403);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        var badOp = api.post(BASE, admin, rule(unique("r"), "==", "warning"));
        assertThat(badOp.status()).isEqualTo(400);
        assertThat(badOp.raw()).contains("target[0].op");
        var badRegex = api.post(BASE, admin, rule(unique("r"), "=~", "(unclosed"));
        assertThat(badRegex.status()).isEqualTo(400);
        assertThat(badRegex.raw()).contains("target[0].value");
        var noSource = api.post(BASE, admin, Map.of("name", "x", "target", List.of(Map.of("label", "a", "op", "=",
                "value", "b"))));
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.raw()).contains("source");
        var noName = api.post(BASE, admin, Map.of("source", List.of(), "target", List.of()));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.raw()).contains("name");
        assertThat(api.post(BASE, admin, "{\"name\": [1]}").status()).isEqualTo(400);
    }

    @Test
    void pageShowsRulesToEveryoneAndFormsToAdmins() {
        UserView adminUser = users.create(Role.ADMIN);
        WebSession admin = new WebSession(api.baseUrl()).login(adminUser.username(), TestUsers.PASSWORD);
        String name = unique("<b>page rule</b>");
        var posted = admin.post("/inhibition-rules", Map.of("name", name, "source", "alertname=\"NodeDown\"\n",
                "target", "severity=~warning|info", "equal", "cluster, namespace"));
        assertThat(posted.status()).isEqualTo(302);
        var page = admin.get("/inhibition-rules");
        assertThat(page.body()).contains("Rule added.").contains("alertname=NodeDown").contains("severity=~warning|info")
                .contains("cluster, namespace").contains("&lt;b&gt;page rule&lt;/b&gt;").doesNotContain("<b>page rule");

        var refused = admin.post("/inhibition-rules", Map.of("name", "x", "source", "just text", "target", "a=b"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.get("/inhibition-rules").body()).contains("Not done");

        UserView viewerUser = users.create(Role.VIEWER);
        WebSession viewer = new WebSession(api.baseUrl()).login(viewerUser.username(), TestUsers.PASSWORD);
        var viewed = viewer.get("/inhibition-rules");
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.body()).contains("&lt;b&gt;page rule&lt;/b&gt;").doesNotContain("inhibition-create");
        assertThat(viewer.post("/inhibition-rules", Map.of("name", "x", "source", "a=b", "target", "c=d")).status())
                .isEqualTo(403);
        String id = page.body().replaceAll("(?s).*inhibition-delete-(\\d+).*", "$1");
        assertThat(viewer.post("/inhibition-rules/" + id + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/inhibition-rules/" + id + "/delete", Map.of()).status()).isEqualTo(302);
    }
}
