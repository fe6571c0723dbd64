package io.firebreak.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class ServicePagesTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired CatalogManagement catalog;
    @Autowired TeamManagement teams;

    private WebSession as(Role role) {
        UserView user = users.create(role);
        return new WebSession(api.baseUrl()).login(user.username(), TestUsers.PASSWORD);
    }

    @Test
    void everyoneReadsTheCatalogOnlyAdminsChangeIt() {
        TeamView team = teams.create(new TeamDefinition(ServiceApiTests.unique("Owners"), null), "test");
        ServiceView db = catalog.create(new ServiceDefinition(ServiceApiTests.unique("page-db"), "数据库", team.id(),
                true, 1, List.of()), "test");
        WebSession viewer = as(Role.VIEWER);
        var page = viewer.get("/services");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(db.name()).contains(team.name()).contains("数据库")
                .doesNotContain("Add a service");
        assertThat(viewer.get("/services/" + db.id() + "/edit").status()).isEqualTo(403);
        assertThat(viewer.post("/services", Map.of("name", "x", "tier", "2")).status()).isEqualTo(403);
        assertThat(viewer.post("/services/" + db.id() + "/delete", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void adminCreatesEditsAndDeletesWithInlineErrors() {
        WebSession admin = as(Role.ADMIN);
        ServiceView a = catalog.create(new ServiceDefinition(ServiceApiTests.unique("pa"), null, null, false, 2,
                List.of()), "test");
        String name = ServiceApiTests.unique("page-svc");
        assertThat(admin.get("/services").body()).contains("Add a service");
        assertThat(admin.post("/services", Map.of("name", name, "tier", "9")).body())
                .contains("Choose a tier from 1 to 4.");
        assertThat(admin.post("/services", Map.of("name", name, "tier", "abc")).body())
                .contains("Choose a tier from 1 to 4.");
        assertThat(admin.post("/services", Map.of("name", a.name(), "tier", "2")).body())
                .contains("A service with that name already exists.");
        var created = admin.post("/services", Map.of("name", name, "tier", "1", "core", "on",
                "dependsOn", List.of(String.valueOf(a.id()))));
        assertThat(created.status()).isEqualTo(302);
        ServiceView svc = catalog.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        assertThat(svc.core()).isTrue();
        assertThat(svc.dependsOn()).containsExactly(a.id());

        assertThat(admin.get("/services/" + svc.id() + "/edit").body()).contains("Edit service " + name);
        assertThat(admin.get("/services").body()).contains("<span>" + a.name() + "</span>");
        // a -> svc would close the cycle svc -> a -> svc.
        var cycle = admin.post("/services/" + a.id(), Map.of("name", a.name(), "tier", "2",
                "dependsOn", List.of(String.valueOf(svc.id()))));
        assertThat(cycle.status()).isEqualTo(200);
        assertThat(cycle.body()).contains("must not lead back to this service");

        var blocked = admin.post("/services/" + a.id() + "/delete", Map.of());
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body()).contains("Other services depend on this one");

        assertThat(admin.post("/services/" + svc.id(), Map.of("name", name, "tier", "3")).status()).isEqualTo(302);
        assertThat(catalog.get(svc.id()).tier()).isEqualTo(3);
        assertThat(catalog.get(svc.id()).core()).isFalse();
        assertThat(admin.post("/services/" + svc.id() + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(catalog.find(svc.id())).isEmpty();
        assertThat(admin.get("/services/99999999/edit").status()).isEqualTo(404);
    }
}
