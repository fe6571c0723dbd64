package io.firebreak.severity.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.firebreak.support.ApiClient;

/** A signed-in browser-like session for UI tests: cookies, the CSRF token of the last page, form posts. */
final class UiSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final ApiClient api;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    private UiSession(ApiClient api) {
        this.api = api;
    }

    static UiSession login(ApiClient api, String username, String password) {
        UiSession s = new UiSession(api);
        s.get("/login");
        var res = s.post("/login", Map.of("username", username, "password", password));
        if (res.statusCode() != 302 || res.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + res.statusCode());
        }
        return s;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> res = send(HttpRequest.newBuilder(api.uri(path)).GET());
        Matcher m = CSRF_META.matcher(res.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return res;
    }

    /** Posts a form with the CSRF token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, encode(all));
    }

    HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String csrf() {
        return csrf;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
