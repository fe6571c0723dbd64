package io.firebreak.identity;

import static io.firebreak.identity.UserApiTests.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class TeamApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired TeamManagement teams;
    @Autowired AuditManagement audit;

    @Test
    void everyoneReadsTeamsOnlyAdminsChangeThem() {
        TeamView team = teams.create(new TeamDefinition(unique("Readers"), "read me"), "test");
        UserView member = users.create(Role.RESPONDER);
        for (Role role : Role.values()) {
            String token = users.tokenFor(role);
            assertThat(api.get("/api/v1/teams", token).raw()).as(role.name()).contains(team.name());
            assertThat(api.get("/api/v1/teams/" + team.id(), token).status()).isEqualTo(200);
            if (role != Role.ADMIN) {
                assertThat(api.post("/api/v1/teams", token, Map.of("name", unique("X"))).status()).isEqualTo(403);
                assertThat(api.put("/api/v1/teams/" + team.id(), token, Map.of("name", unique("X"))).status())
                        .isEqualTo(403);
                assertThat(api.delete("/api/v1/teams/" + team.id(), token).status()).isEqualTo(403);
                assertThat(api.put("/api/v1/teams/" + team.id() + "/members/" + member.id(), token, "").status())
                        .isEqualTo(403);
                assertThat(api.delete("/api/v1/teams/" + team.id() + "/members/" + member.id(), token).status())
                        .isEqualTo(403);
            }
        }
        assertThat(teams.get(team.id())).isEqualTo(team);
        for (String path : new String[] { "/api/v1/teams", "/api/v1/teams/" + team.id() }) {
            assertThat(api.get(path, null).status()).isEqualTo(401);
        }
        assertThat(api.post("/api/v1/teams", null, Map.of("name", unique("X"))).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/teams/" + team.id(), null).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/teams/" + team.id() + "/members/" + member.id(), null, "").status())
                .isEqualTo(401);
    }

    @Test
    void adminCreatesRenamesManagesMembersAndDeletesWithAudit() {
        String admin = users.tokenFor(Role.ADMIN);
        String name = unique("Payments SRE");
        var created = api.post("/api/v1/teams", admin, Map.of("name", name, "description", "支付团队"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("description").asString()).isEqualTo("支付团队");
        assertThat(created.body().get("memberIds").size()).isZero();

        UserView alice = users.create(Role.RESPONDER);
        var added = api.put("/api/v1/teams/" + id + "/members/" + alice.id(), admin, "");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("memberIds").get(0).asLong()).isEqualTo(alice.id());
        // Adding again changes nothing.
        assertThat(api.put("/api/v1/teams/" + id + "/members/" + alice.id(), admin, "").body().get("memberIds").size())
                .isEqualTo(1);
        assertThat(teams.teamsOf(alice.id())).extracting(TeamView::id).containsExactly(id);

        var renamed = api.put("/api/v1/teams/" + id, admin, Map.of("name", name + " 2"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("memberIds").size()).isEqualTo(1);

        var removed = api.delete("/api/v1/teams/" + id + "/members/" + alice.id(), admin);
        assertThat(removed.body().get("memberIds").size()).isZero();
        assertThat(teams.teamsOf(alice.id())).isEmpty();

        assertThat(api.delete("/api/v1/teams/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/teams/" + id, admin).status()).isEqualTo(404);

        var actions = audit.list("team", new PageRequest(0, 200)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(id))).toList();
        assertThat(actions).extracting(AuditEntry::action)
                .containsExactly("deleted", "member-removed", "updated", "member-added", "created");
        var update = actions.get(2);
        assertThat(update.beforeJson()).contains(name).doesNotContain(name + " 2");
        assertThat(update.afterJson()).contains(name + " 2");
        assertThat(actions.get(0).afterJson()).isNull();
    }

    @Test
    void duplicatesInvalidInputAndUnknownIds() {
        String admin = users.tokenFor(Role.ADMIN);
        String name = unique("Dup");
        TeamView team = teams.create(new TeamDefinition(name, null), "test");
        TeamView other = teams.create(new TeamDefinition(unique("Other"), null), "test");
        assertThat(api.post("/api/v1/teams", admin, Map.of("name", name.toLowerCase())).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/teams/" + other.id(), admin, Map.of("name", name)).status()).isEqualTo(409);
        assertField(api.post("/api/v1/teams", admin, Map.of("name", " ")), "name");
        assertField(api.post("/api/v1/teams", admin, Map.of("name", "x".repeat(101))), "name");
        assertField(api.post("/api/v1/teams", admin, Map.of("name", unique("Y"), "description", "d".repeat(2001))),
                "description");
        assertField(api.post("/api/v1/teams", admin, "{\"name\": 5, "), "body");
        assertThat(api.get("/api/v1/teams/99999999", admin).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/teams/99999999", admin, Map.of("name", unique("Z"))).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/teams/99999999", admin).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/teams/" + team.id() + "/members/99999999", admin, "").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/teams/99999999/members/1", admin, "").status()).isEqualTo(404);
        assertField(api.get("/api/v1/teams/abc", admin), "id");
    }

    static String unique(String prefix) {
        return prefix + " " + System.nanoTime() % 10_000_000;
    }
}
