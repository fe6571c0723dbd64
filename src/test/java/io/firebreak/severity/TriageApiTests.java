package io.firebreak.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** {@code POST /api/v1/triage/recommendation} and the facade, for the active scheme, in both languages. */
@FirebreakTest
class TriageApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired UserManagement userManagement;
    @Autowired SeverityManagement severity;
    @Autowired TriageManagement triage;

    @Test
    void recommendsALevelOfTheActiveSchemeWithReasons() {
        String responder = users.tokenFor(Role.RESPONDER);
        var res = api.post("/api/v1/triage/recommendation", responder,
                Map.of("serviceDown", false, "coreFunctionAffected", true, "usersAffectedPercent", 40,
                        "businessImpact", "SECONDARY"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("schemeCode").asString()).isEqualTo("P0-P3");
        assertThat(res.body().get("levelCode").asString()).isEqualTo("P1");
        assertThat(res.body().get("levelName").asString()).isEqualTo("High priority");
        var reasons = res.body().get("reasons");
        assertThat(reasons.size()).isEqualTo(3);
        assertThat(reasons.get(0).get("code").asString()).isEqualTo("core-function");
        assertThat(reasons.get(0).get("message").asString()).isEqualTo("A core function is affected: P1.");
        assertThat(reasons.get(1).get("code").asString()).isEqualTo("users-affected");
        assertThat(reasons.get(2).get("code").asString()).isEqualTo("secondary-business");
    }

    @Test
    void escalatorsWinAndAnEmptyBodyIsTheLowestLevel() {
        String responder = users.tokenFor(Role.RESPONDER);
        var res = api.post("/api/v1/triage/recommendation", responder,
                Map.of("userExperienceDegraded", true, "securityRisk", true));
        assertThat(res.body().get("levelCode").asString()).isEqualTo("P0");
        assertThat(res.body().get("reasons").get(0).get("code").asString()).isEqualTo("security");
        var empty = api.post("/api/v1/triage/recommendation", responder, "{}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().get("levelCode").asString()).isEqualTo("P3");
        assertThat(empty.body().get("reasons").get(0).get("code").asString()).isEqualTo("not-assessed");
    }

    @Test
    void answersInTheCallersLanguage() {
        var user = userManagement.create(new NewUser("triage-zh-" + System.nanoTime(), "Zh", null, null, null, "UTC",
                Role.RESPONDER, TestUsers.PASSWORD), "test");
        String token = api.token(user.username(), TestUsers.PASSWORD);
        var res = api.send(HttpRequest.newBuilder(api.uri("/api/v1/triage/recommendation"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN,zh;q=0.9")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"coreFunctionAffected\":true,\"moneyLost\":true}")));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("levelName").asString()).isEqualTo("高优先级事件");
        assertThat(res.body().get("reasons").get(0).get("message").asString()).isEqualTo("核心功能受影响：P1。");
        assertThat(res.body().get("reasons").get(1).get("message").asString()).contains("资金损失");
    }

    @Test
    void badAnswersAre400NamingTheField() {
        String responder = users.tokenFor(Role.RESPONDER);
        var unknown = api.post("/api/v1/triage/recommendation", responder, Map.of("businessImpact", "HUGE"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("field").asString()).isEqualTo("businessImpact");
        var wrongType = api.post("/api/v1/triage/recommendation", responder, "{\"serviceDown\":\"maybe\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("field").asString()).isEqualTo("serviceDown");
        var percent = api.post("/api/v1/triage/recommendation", responder, Map.of("usersAffectedPercent", 150));
        assertThat(percent.status()).isEqualTo(400);
        assertThat(percent.body().get("field").asString()).isEqualTo("usersAffectedPercent");
        var negative = api.post("/api/v1/triage/recommendation", responder, Map.of("usersAffected", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("field").asString()).isEqualTo("usersAffected");
    }

    @Test
    void rolesAndAuthentication() {
        assertThat(api.post("/api/v1/triage/recommendation", null, Map.of()).status()).isEqualTo(401);
        // Like every API change-method, asking for a recommendation needs responder (declaring does too).
        assertThat(api.post("/api/v1/triage/recommendation", users.tokenFor(Role.VIEWER), Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void followsTheActiveScheme() {
        String admin = users.tokenFor(Role.ADMIN);
        try {
            severity.activate("test", "P1-P4");
            var res = api.post("/api/v1/triage/recommendation", admin, Map.of("usersAffectedPercent", 50));
            assertThat(res.body().get("schemeCode").asString()).isEqualTo("P1-P4");
            assertThat(res.body().get("levelCode").asString()).isEqualTo("P2");
            assertThat(res.body().get("reasons").get(0).get("message").asString())
                    .isEqualTo("50% of users are affected (30%\u2013100%): P2.");

            severity.activate("test", "L1-L4");
            var l = triage.recommend(new TriageAnswers(null, null, true, null, null, null, null, null, null),
                    Locale.SIMPLIFIED_CHINESE);
            assertThat(l.schemeCode()).isEqualTo("L1-L4");
            assertThat(l.levelCode()).isEqualTo("L3");
            assertThat(l.levelName()).isEqualTo("一般");
            assertThat(l.reasons()).extracting(TriageReason::code).containsExactly("ux-degraded");
        } finally {
            severity.activate("test", "P0-P3");
        }
        assertThat(triage.recommend(TriageAnswers.none(), Locale.ENGLISH).schemeCode()).isEqualTo("P0-P3");
    }
}
