package io.firebreak.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
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

/**
 * A signed-in person using the UI over real HTTP: a cookie jar (the session), the CSRF token
 * taken from a page as a browser would, form posts, and no automatic redirects so tests can see
 * where a post sends the person.
 */
public class UiSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    private UiSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the login form; fails when the login is refused. */
    public static UiSession login(String baseUrl, String username, String password) {
        UiSession s = new UiSession(baseUrl);
        Page login = s.get("/login");
        s.csrf = find(CSRF_FIELD, login.body());
        Page after = s.post("/login", Map.of("username", username, "password", password));
        if (after.status() != 302 || after.location().contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + after.status() + " " + after.location());
        }
        s.csrf = find(CSRF_META, s.get("/login").body());
        return s;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", "en").GET());
    }

    /** Posts a form with the session's CSRF token. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows one redirect answer with a GET, as the browser does after a post. */
    public Page follow(Page redirect) {
        String location = redirect.location();
        return get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(res.statusCode(), res.body(), res.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A response: status, HTML and the redirect target (empty when none). */
    public record Page(int status, String body, String location) {
    }
}
