package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** {@code /api/v1/clock-rules}: everyone reads, only admins write (audited); bad input is a 400 naming the field. */
@FirebreakTest
class ClockRuleApiTests {

    private static final String BASE = "/api/v1/clock-rules";

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired AuditManagement audit;

    @Test
    void theSeedsRulesAreThereInBothLanguages() {
        var res = api.get(BASE, users.tokenFor(Role.VIEWER));
        assertThat(res.status()).isEqualTo(200);
        Map<String, tools.jackson.databind.JsonNode> bySeed = new HashMap<>();
        res.body().forEach(r -> {
            if (!r.path("seedKey").isMissingNode() && !r.get("seedKey").isNull()) {
                bySeed.put(r.get("seedKey").asString(), r);
            }
        });
        assertThat(bySeed).containsKeys("p0-unacknowledged", "no-root-cause-30", "update-cadence-p0",
                "update-cadence-p1", "stage-report-15", "stage-grade-30", "stage-review-24h", "at-risk-80");
        var p0 = bySeed.get("p0-unacknowledged");
        assertThat(p0.get("levels").toString()).isEqualTo("[\"P0\"]");
        assertThat(p0.get("after").asInt()).isEqualTo(5);
        assertThat(p0.get("unacknowledged").asBoolean()).isTrue();
        assertThat(p0.get("audienceManagement").asBoolean()).isTrue();
        assertThat(p0.get("nameZh").asString()).contains("管理层");
        var rootCause = bySeed.get("no-root-cause-30");
        assertThat(rootCause.get("raiseTo").asString()).isEqualTo("P1");
        assertThat(rootCause.get("missingField").asString()).isEqualTo("ROOT_CAUSE");
        assertThat(rootCause.get("nameZh").asString()).contains("30分钟内未定位根因");
        assertThat(bySeed.get("update-cadence-p0").get("repeatMinutes").asInt()).isEqualTo(30);
        assertThat(bySeed.get("at-risk-80").get("anchor").asString()).isEqualTo("TARGET");
    }

    @Test
    void onlyAdminsWrite() {
        String admin = users.tokenFor(Role.ADMIN);
        long id = api.post(BASE, admin, body("role test")).body().get("id").asLong();
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            String token = users.tokenFor(role);
            assertThat(api.get(BASE + "/" + id, token).status()).as(role.name()).isEqualTo(200);
            assertThat(api.post(BASE, token, body("x")).status()).as(role.name()).isEqualTo(403);
            assertThat(api.put(BASE + "/" + id, token, body("x")).status()).as(role.name()).isEqualTo(403);
            assertThat(api.delete(BASE + "/" + id, token).status()).as(role.name()).isEqualTo(403);
        }
        assertThat(api.get(BASE, null).status()).isEqualTo(401);
        assertThat(api.post(BASE, null, body("x")).status()).isEqualTo(401);
        assertThat(api.delete(BASE + "/" + id, admin).status()).isEqualTo(204);
    }

    @Test
    void adminCreatesUpdatesAndDeletesWithAudit() {
        String admin = users.tokenFor(Role.ADMIN);
        Map<String, Object> req = body("Unresolved P1 after 2 hours");
        req.put("levels", List.of("p1"));
        req.put("stages", List.of("INVESTIGATING", "MITIGATED"));
        req.put("anchor", "LAST_STAGE");
        req.put("after", 120);
        req.put("businessTime", true);
        req.put("actions", List.of("RAISE_LEVEL", "NOTIFY_COMMANDER"));
        req.put("raiseTo", "P0");
        var created = api.post(BASE, admin, req);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("levels").toString()).isEqualTo("[\"P1\"]");
        assertThat(created.body().get("nameZh").asString()).isEqualTo("Unresolved P1 after 2 hours");
        assertThat(created.body().get("businessTime").asBoolean()).isTrue();
        assertThat(created.body().get("enabled").asBoolean()).isFalse();

        req.put("nameZh", "P1 两小时未解决");
        req.put("repeatMinutes", 60);
        var updated = api.put(BASE + "/" + id, admin, req);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("repeatMinutes").asInt()).isEqualTo(60);
        assertThat(updated.body().get("version").asLong()).isEqualTo(1);

        assertThat(api.delete(BASE + "/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get(BASE + "/" + id, admin).status()).isEqualTo(404);
        assertThat(audit.list("clock-rule", new PageRequest(0, 200)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(id))).map(e -> e.action()).toList())
                .contains("create", "update", "delete");
    }

    @Test
    void badInputIsA400NamingTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        assertField(api.post(BASE, admin, null), "body");
        assertField(api.post(BASE, admin, with("nameEn", " ")), "nameEn");
        assertField(api.post(BASE, admin, with("levels", List.of("P9"))), "levels");
        assertField(api.post(BASE, admin, with("stages", List.of("CLOSED"))), "stages");
        assertField(api.post(BASE, admin, with("stages", List.of("SLEEPING"))), "stages");
        assertField(api.post(BASE, admin, with("anchor", null)), "anchor");
        assertField(api.post(BASE, admin, with("anchor", "LUNCH")), "anchor");
        assertField(api.post(BASE, admin, with("after", -1)), "after");
        assertField(api.post(BASE, admin, with("after", null)), "after");
        assertField(api.post(BASE, admin, with("repeatMinutes", 0)), "repeatMinutes");
        assertField(api.post(BASE, admin, with("missingField", "MOOD")), "missingField");
        assertField(api.post(BASE, admin, with("actions", List.of())), "actions");
        assertField(api.post(BASE, admin, with("actions", List.of("DANCE"))), "actions");
        assertField(api.post(BASE, admin, with("actions", List.of("MARK_AT_RISK"))), "actions");
        assertField(api.post(BASE, admin, with("actions", List.of("RAISE_LEVEL"))), "raiseTo");
        assertField(api.post(BASE, admin, with("actions", List.of("PAGE_AUDIENCE"))), "audience");
        assertField(api.post(BASE, admin, with("audienceUsers", List.of(987654321L))), "audienceUsers");
        assertField(api.post(BASE, admin, with("audienceTeams", List.of(987654321L))), "audienceTeams");
        Map<String, Object> target = with("anchor", "TARGET");
        target.put("after", 150);
        assertField(api.post(BASE, admin, target), "after");
        target.put("after", 90);
        target.put("repeatMinutes", 10);
        assertField(api.post(BASE, admin, target), "repeatMinutes");
        assertThat(api.put(BASE + "/987654321", admin, body("x")).status()).isEqualTo(404);
    }

    /** A valid, disabled rule (so it never fires for other tests' incidents). */
    private static Map<String, Object> body(String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("nameEn", name);
        m.put("enabled", false);
        m.put("anchor", "DETECTION");
        m.put("after", 10);
        m.put("actions", List.of("NOTIFY_COMMANDER"));
        return m;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> m = body("invalid");
        m.put(key, value);
        return m;
    }

    private static void assertField(ApiClient.Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).as(res.raw()).isEqualTo(field);
    }
}
