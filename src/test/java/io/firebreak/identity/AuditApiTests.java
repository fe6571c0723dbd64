package io.firebreak.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class AuditApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired TeamManagement teams;

    @Test
    void onlyAdminsReadTheAuditLog() {
        for (Role role : new Role[] { Role.VIEWER, Role.RESPONDER, Role.COMMANDER }) {
            assertThat(api.get("/api/v1/audit", users.tokenFor(role)).status()).as(role.name()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/audit", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit", users.tokenFor(Role.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void listsNewestFirstFilteredAndPagedWithBeforeAndAfterAsJson() {
        String admin = users.tokenFor(Role.ADMIN);
        String name = TeamApiTests.unique("Audited");
        TeamView team = teams.create(new TeamDefinition(name, null), "someone");
        teams.update(team.id(), new TeamDefinition(name + "!", null), "someone-else");

        var res = api.get("/api/v1/audit?entityType=team&page=0&size=2", admin);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("size").asInt()).isEqualTo(2);
        assertThat(res.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
        var items = res.body().get("items");
        assertThat(items.size()).isEqualTo(2);
        var newest = items.get(0);
        assertThat(newest.get("entityType").asString()).isEqualTo("team");
        assertThat(newest.get("entityId").asString()).isEqualTo(String.valueOf(team.id()));
        assertThat(newest.get("actor").asString()).isEqualTo("someone-else");
        assertThat(newest.get("action").asString()).isEqualTo("updated");
        assertThat(newest.get("before").get("name").asString()).isEqualTo(name);
        assertThat(newest.get("after").get("name").asString()).isEqualTo(name + "!");
        assertThat(items.get(1).get("action").asString()).isEqualTo("created");
        assertThat(items.get(1).has("before")).isFalse();

        var second = api.get("/api/v1/audit?entityType=team&page=1&size=1", admin);
        assertThat(second.body().get("items").get(0).get("action").asString()).isEqualTo("created");

        assertThat(api.get("/api/v1/audit?size=0", admin).body().get("field").asString()).isEqualTo("size");
        assertThat(api.get("/api/v1/audit?page=x", admin).body().get("field").asString()).isEqualTo("page");
        assertThat(api.get("/api/v1/audit?entityType=no-such-type", admin).body().get("total").asLong()).isZero();
    }

    @Test
    void everyTypeIsListedWithoutAFilter() {
        String admin = users.tokenFor(Role.ADMIN);
        var res = api.get("/api/v1/audit?size=200", admin);
        assertThat(res.raw()).contains("\"entityType\":\"token\"");
        assertThat(api.put("/api/v1/users/me", admin, Map.of("displayName", "Audit Admin")).status()).isEqualTo(200);
    }
}
