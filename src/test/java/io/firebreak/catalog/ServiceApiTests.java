package io.firebreak.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.AuditEntry;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class ServiceApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired CatalogManagement catalog;
    @Autowired TeamManagement teams;
    @Autowired AuditManagement audit;

    @Test
    void everyoneReadsServicesOnlyAdminsChangeThem() {
        ServiceView svc = catalog.create(new ServiceDefinition(unique("read"), null, null, true, 1, List.of()), "test");
        for (Role role : Role.values()) {
            String token = users.tokenFor(role);
            assertThat(api.get("/api/v1/services", token).raw()).as(role.name()).contains(svc.name());
            assertThat(api.get("/api/v1/services/" + svc.id(), token).body().get("core").asBoolean()).isTrue();
            if (role != Role.ADMIN) {
                assertThat(api.post("/api/v1/services", token, body(unique("x"))).status()).as(role.name())
                        .isEqualTo(403);
                assertThat(api.put("/api/v1/services/" + svc.id(), token, body(unique("x"))).status()).isEqualTo(403);
                assertThat(api.delete("/api/v1/services/" + svc.id(), token).status()).isEqualTo(403);
            }
        }
        assertThat(catalog.get(svc.id())).isEqualTo(svc);
        assertThat(api.get("/api/v1/services", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/services/" + svc.id(), null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/services", null, body(unique("x"))).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/services/" + svc.id(), null, body(unique("x"))).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/services/" + svc.id(), null).status()).isEqualTo(401);
    }

    @Test
    void adminCreatesUpdatesAndDeletesWithAudit() {
        String admin = users.tokenFor(Role.ADMIN);
        TeamView team = teams.create(new TeamDefinition(unique("Owners"), null), "test");
        ServiceView db = catalog.create(new ServiceDefinition(unique("db"), null, null, true, 1, List.of()), "test");
        var req = body(unique("checkout"));
        req.put("ownerTeamId", team.id());
        req.put("dependsOn", List.of(db.id(), db.id()));
        req.put("description", "结算服务");
        var created = api.post("/api/v1/services", admin, req);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("ownerTeamId").asLong()).isEqualTo(team.id());
        assertThat(created.body().get("tier").asInt()).isEqualTo(2);
        assertThat(created.body().get("dependsOn").size()).isEqualTo(1);

        req.put("tier", 3);
        req.put("dependsOn", List.of());
        req.put("core", true);
        var updated = api.put("/api/v1/services/" + id, admin, req);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("tier").asInt()).isEqualTo(3);
        assertThat(updated.body().get("core").asBoolean()).isTrue();
        assertThat(updated.body().get("dependsOn").size()).isZero();

        assertThat(api.delete("/api/v1/services/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/services/" + id, admin).status()).isEqualTo(404);

        List<AuditEntry> entries = audit.list("service", new PageRequest(0, 200)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(id))).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("deleted", "updated", "created");
        assertThat(entries.get(1).beforeJson()).contains("\"tier\":2");
        assertThat(entries.get(1).afterJson()).contains("\"tier\":3");
    }

    @Test
    void validationNamesTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        assertField(api.post("/api/v1/services", admin, with(body("x"), "name", " ")), "name");
        assertField(api.post("/api/v1/services", admin, with(body(unique("x")), "tier", 5)), "tier");
        assertField(api.post("/api/v1/services", admin, with(body(unique("x")), "tier", 0)), "tier");
        assertField(api.post("/api/v1/services", admin, with(body(unique("x")), "tier", "high")), "tier");
        assertField(api.post("/api/v1/services", admin, with(body(unique("x")), "description", "d".repeat(2001))),
                "description");
        assertField(api.post("/api/v1/services", admin, with(body(unique("x")), "ownerTeamId", 99999999)),
                "ownerTeamId");
        assertField(api.post("/api/v1/services", admin, with(body(unique("x")), "dependsOn", List.of(99999999))),
                "dependsOn");
        assertField(api.post("/api/v1/services", admin, "not json"), "body");
    }

    @Test
    void duplicateNamesConflictAndUnknownIdsAre404() {
        String admin = users.tokenFor(Role.ADMIN);
        String name = unique("dup");
        ServiceView svc = catalog.create(new ServiceDefinition(name, null, null, false, 2, List.of()), "test");
        ServiceView other = catalog.create(new ServiceDefinition(unique("other"), null, null, false, 2, List.of()),
                "test");
        assertThat(api.post("/api/v1/services", admin, body(name.toUpperCase())).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/services/" + other.id(), admin, body(name)).status()).isEqualTo(409);
        // Keeping one's own name is no conflict.
        assertThat(api.put("/api/v1/services/" + svc.id(), admin, body(name)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/services/99999999", admin).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/services/99999999", admin, body(unique("x"))).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/services/99999999", admin).status()).isEqualTo(404);
    }

    @Test
    void selfDependencyAndCyclesAreRefused() {
        String admin = users.tokenFor(Role.ADMIN);
        ServiceView a = catalog.create(new ServiceDefinition(unique("a"), null, null, false, 2, List.of()), "test");
        ServiceView b = catalog.create(new ServiceDefinition(unique("b"), null, null, false, 2, List.of(a.id())), "t");
        ServiceView c = catalog.create(new ServiceDefinition(unique("c"), null, null, false, 2, List.of(b.id())), "t");

        assertField(api.put("/api/v1/services/" + a.id(), admin, with(body(a.name()), "dependsOn", List.of(a.id()))),
                "dependsOn");
        var cycle = api.put("/api/v1/services/" + a.id(), admin, with(body(a.name()), "dependsOn", List.of(c.id())));
        assertField(cycle, "dependsOn");
        assertThat(cycle.body().get("detail").asString()).contains("cycle").contains(c.name()).contains(b.name());
        assertThat(catalog.get(a.id()).dependsOn()).isEmpty();

        // A diamond is not a cycle.
        assertThat(api.put("/api/v1/services/" + c.id(), admin, with(body(c.name()), "dependsOn",
                List.of(a.id(), b.id()))).status()).isEqualTo(200);

        // A service others depend on cannot be deleted.
        var delete = api.delete("/api/v1/services/" + a.id(), admin);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.body().get("detail").asString()).contains(b.name());
    }

    @Test
    void deletingATeamLeavesItsServicesUnowned() throws InterruptedException {
        TeamView team = teams.create(new TeamDefinition(unique("Gone"), null), "test");
        ServiceView svc = catalog.create(new ServiceDefinition(unique("orphan"), null, team.id(), false, 2, List.of()),
                "test");
        String admin = users.tokenFor(Role.ADMIN);
        assertThat(api.delete("/api/v1/teams/" + team.id(), admin).status()).isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (catalog.get(svc.id()).ownerTeamId() != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(catalog.get(svc.id()).ownerTeamId()).isNull();
    }

    private static void assertField(ApiClient.Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).isEqualTo(field);
    }

    private static Map<String, Object> body(String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("tier", 2);
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000;
    }
}
