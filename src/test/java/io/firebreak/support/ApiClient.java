package io.firebreak.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running Firebreak over real HTTP, as an API client would. */
@TestComponent
public class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment env;

    public ApiClient(Environment env) {
        this.env = env;
    }

    public String baseUrl() {
        return "http://localhost:" + env.getProperty("local.server.port");
    }

    /** Obtains a new API token for the user with HTTP Basic. */
    public String token(String username, String password) {
        var res = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"test\"}")));
        if (res.status() != 201) {
            throw new IllegalStateException("token creation answered " + res.status() + ": " + res.raw());
        }
        return res.body().get("token").asString();
    }

    public Response get(String path, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).GET());
    }

    public Response post(String path, String token, Object body) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(body))));
    }

    public Response put(String path, String token, Object body) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body(body))));
    }

    public Response patch(String path, String token, Object body) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body(body))));
    }

    public Response delete(String path, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).DELETE());
    }

    /** Sends any request; for raw or malformed bodies and unusual headers. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String type = res.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !res.body().isEmpty()) {
                node = json.readTree(res.body());
            }
            return new Response(res.statusCode(), node, res.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private String body(Object body) {
        return body instanceof String s ? s : json.writeValueAsString(body);
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder builder, String token) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** Status, parsed JSON body (null when not JSON), raw body and content type. */
    public record Response(int status, JsonNode body, String raw, String contentType) {
    }
}
