package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserView;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.ApiClient.Response;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class EscalationPolicyApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired TeamManagement teams;
    @Autowired CatalogManagement catalog;
    @Autowired AuditManagement audit;
    @Autowired EscalationManagement escalation;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000;
    }

    private Map<String, Object> body(String name, long userId) {
        return Map.of("name", name, "steps", List.of(Map.of("delayMinutes", 0,
                "targets", List.of(Map.of("kind", "USER", "id", userId)))));
    }

    @Test
    void everyoneReadsPoliciesOnlyAdminsChangeThem() {
        UserView alice = users.create(Role.RESPONDER);
        PolicyView policy = escalation.create(new PolicyDefinition(unique("read"), null, 0, null, false, List.of(),
                List.of(new PolicyStep(0, List.of(new PolicyTarget(TargetKind.USER, alice.id()))))), "test");
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            String token = users.tokenFor(role);
            assertThat(api.get("/api/v1/escalation-policies", token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/escalation-policies/" + policy.id(), token).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/escalation-policies", token, body(unique("x"), alice.id())).status())
                    .as(role.name()).isEqualTo(403);
            assertThat(api.put("/api/v1/escalation-policies/" + policy.id(), token, body(unique("x"), alice.id()))
                    .status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/escalation-policies/" + policy.id(), token).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/escalation-policies", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/escalation-policies", null, body(unique("x"), alice.id())).status())
                .isEqualTo(401);
    }

    @Test
    void adminCreatesUpdatesAndDeletesAuditedPolicies() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        TeamView sre = teams.create(new TeamDefinition(unique("SRE"), null), "test");
        ServiceView checkout = catalog.create(new ServiceDefinition(unique("checkout"), null, null, true, 1, List.of()),
                "test");
        String name = unique("Core");
        Map<String, Object> request = Map.of("name", name, "description", "核心服务", "repeatCount", 2,
                "repeatDelayMinutes", 10, "isDefault", false, "serviceIds", List.of(checkout.id()),
                "steps", List.of(
                        Map.of("delayMinutes", 0, "targets", List.of(Map.of("kind", "USER", "id", alice.id()))),
                        Map.of("delayMinutes", 15, "targets", List.of(Map.of("kind", "TEAM", "id", sre.id()),
                                Map.of("kind", "USER", "id", bob.id())))));
        Response created = api.post("/api/v1/escalation-policies", admin, request);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("repeatCount").asInt()).isEqualTo(2);
        assertThat(created.body().get("services").get(0).get("name").asString()).isEqualTo(checkout.name());
        var steps = created.body().get("steps");
        assertThat(steps.size()).isEqualTo(2);
        assertThat(steps.get(1).get("delayMinutes").asInt()).isEqualTo(15);
        assertThat(steps.get(1).get("targets").get(0).get("label").asString()).isEqualTo(sre.name());
        assertThat(steps.get(1).get("targets").get(1).get("label").asString()).isEqualTo(bob.username());

        assertThat(api.post("/api/v1/escalation-policies", admin, body(name.toUpperCase(), alice.id())).status())
                .isEqualTo(409);

        // A second policy that takes the service over and becomes the default.
        String other = unique("Other");
        Response second = api.post("/api/v1/escalation-policies", admin, Map.of("name", other, "isDefault", true,
                "serviceIds", List.of(checkout.id()), "steps", List.of(Map.of("delayMinutes", 0,
                        "targets", List.of(Map.of("kind", "USER", "id", bob.id()))))));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        long secondId = second.body().get("id").asLong();
        assertThat(escalation.policy(id).services()).isEmpty();
        assertThat(escalation.policy(secondId).services()).extracting(PolicyView.ServiceLabel::id)
                .containsExactly(checkout.id());
        assertThat(escalation.policies().stream().filter(PolicyView::isDefault)).extracting(PolicyView::id)
                .containsExactly(secondId);

        Response updated = api.put("/api/v1/escalation-policies/" + id, admin, Map.of("name", name, "isDefault", true,
                "steps", List.of(Map.of("delayMinutes", 5, "targets", List.of(Map.of("kind", "USER",
                        "id", alice.id()))))));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("steps").size()).isEqualTo(1);
        assertThat(escalation.policies().stream().filter(PolicyView::isDefault)).extracting(PolicyView::id)
                .containsExactly(id);

        assertThat(audit.list("escalation-policy", new PageRequest(0, 50)).items())
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("created"))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("updated"));

        assertThat(api.delete("/api/v1/escalation-policies/" + id, admin).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/escalation-policies/" + secondId, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/escalation-policies/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        Map<String, Object> target = Map.of("kind", "USER", "id", alice.id());
        assertField(api.post("/api/v1/escalation-policies", admin, ""), "body");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", " ", "steps", List.of())), "name");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "steps", List.of())),
                "steps");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "steps",
                List.of(Map.of("delayMinutes", -1, "targets", List.of(target))))), "steps[0].delayMinutes");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "steps",
                List.of(Map.of("delayMinutes", 0, "targets", List.of(target)),
                        Map.of("delayMinutes", 5, "targets", List.of())))), "steps[1].targets");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "steps",
                List.of(Map.of("delayMinutes", 0, "targets", List.of(Map.of("kind", "USER", "id", 999_999_999)))))),
                "steps[0].targets[0].id");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "steps",
                List.of(Map.of("delayMinutes", 0, "targets", List.of(Map.of("id", alice.id())))))),
                "steps[0].targets[0].kind");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "repeatCount", 1,
                "steps", List.of(Map.of("delayMinutes", 0, "targets", List.of(target))))), "repeatDelayMinutes");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"), "repeatCount", 11,
                "repeatDelayMinutes", 5, "steps", List.of(Map.of("delayMinutes", 0, "targets", List.of(target))))),
                "repeatCount");
        assertField(api.post("/api/v1/escalation-policies", admin, Map.of("name", unique("n"),
                "serviceIds", List.of(999_999_999), "steps", List.of(Map.of("delayMinutes", 0,
                        "targets", List.of(target))))), "serviceIds");
        assertThat(api.put("/api/v1/escalation-policies/999999999", admin, body(unique("n"), alice.id())).status())
                .isEqualTo(404);
    }

    private static void assertField(Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).as(res.raw()).isEqualTo(field);
    }
}
