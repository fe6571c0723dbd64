package io.firebreak.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session over real HTTP: keeps cookies, takes the CSRF token from the
 * layout's {@code csrf-token} meta element and posts forms with it, and never follows redirects.
 */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    public WebSession(String base) {
        this.base = base;
    }

    /** Signs in with the login form; throws if the login does not succeed. */
    public WebSession login(String username, String password) {
        get("/login");
        Page res = post("/login", Map.of("username", username, "password", password));
        if (res.status() != 302 || res.location().contains("error")) {
            throw new IllegalStateException("login failed: " + res.status() + " " + res.location());
        }
        // Signing in replaces the CSRF token: pick up the new one.
        get("/");
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET());
    }

    /** Posts a form (values may be strings or lists of strings) with the session's CSRF token. */
    public Page post(String path, Map<String, ?> form) {
        Map<String, Object> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> l ? l : List.of(e.getValue()))
                .stream().map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v)))).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(res.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(res.statusCode(), res.body(), res.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Status, HTML and redirect target of one answer. */
    public record Page(int status, String body, String location) {
    }
}
