package io.firebreak.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class TokenApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;

    @Test
    void healthIsPublicAndUp() {
        var res = api.get("/actuator/health", null);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiWithoutCredentialsAnswers401ProblemDetail() {
        var res = api.get("/api/v1/tokens", null);
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.contentType()).contains("application/problem+json");
        assertThat(res.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void basicCreatesATokenThatIsShownOnceAndWorksUntilRevoked() {
        UserView viewer = users.create(Role.VIEWER);
        var created = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tokens"))
                .header("Authorization", basic(viewer.username(), TestUsers.PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci\"}")));
        assertThat(created.status()).isEqualTo(201);
        String token = created.body().get("token").asString();
        assertThat(token).startsWith("fb_");

        var listed = api.get("/api/v1/tokens", token);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw()).doesNotContain(token).contains("\"prefix\":\"" + token.substring(0, 8) + "\"");

        long id = created.body().get("id").asLong();
        assertThat(api.delete("/api/v1/tokens/" + id, token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(401);
    }

    @Test
    void basicIsRefusedOutsideTokenCreation() {
        UserView admin = users.create(Role.ADMIN);
        var res = api.send(HttpRequest.newBuilder(api.uri("/api/v1/users"))
                .header("Authorization", basic(admin.username(), TestUsers.PASSWORD)).GET());
        assertThat(res.status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordGetsNoToken() {
        UserView viewer = users.create(Role.VIEWER);
        var res = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tokens"))
                .header("Authorization", basic(viewer.username(), "wrong-password"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(res.status()).isEqualTo(401);
    }

    @Test
    void blankTokenNameIsRejectedNamingTheField() {
        String token = users.tokenFor(Role.RESPONDER);
        var res = api.post("/api/v1/tokens", token, Map.of("name", " "));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).isEqualTo("name");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
