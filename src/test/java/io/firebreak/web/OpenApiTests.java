package io.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class OpenApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;

    @Test
    void theOpenApiDescriptionIsServedToAuthenticatedClientsOnly() {
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);

        var res = api.get("/v3/api-docs", users.tokenFor(Role.VIEWER));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().get("openapi").asString()).startsWith("3.");
        assertThat(res.body().get("paths").has("/api/v1/tokens")).isTrue();
    }
}
