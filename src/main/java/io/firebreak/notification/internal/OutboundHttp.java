package io.firebreak.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to a guarded URL with connect and read timeouts and turns the answer into a
 * {@link DeliveryResult}: 2xx sent, 5xx/429/timeouts/connection errors retried, anything else failed.
 * Redirects are never followed (a redirect could lead to an internal address).
 */
@Component
public class OutboundHttp {

    static final int EXCERPT = 500;

    private final UrlGuard guard;
    private final HttpClient client;
    private final Duration readTimeout;

    OutboundHttp(UrlGuard guard, @Value("${firebreak.notification.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${firebreak.notification.read-timeout:PT10S}") Duration readTimeout) {
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The answer of a successful exchange, for channels that must look into a 200 body. */
    public record Answer(int status, String body) {
    }

    /** Sends {@code json} to {@code url}; a 2xx answer is then judged by {@code judge}. */
    public DeliveryResult postJson(String url, String json, Map<String, String> headers,
            java.util.function.Function<Answer, DeliveryResult> judge) {
        URI uri;
        try {
            uri = guard.check(url);
        } catch (UrlGuard.RefusedUrlException e) {
            return DeliveryResult.failed(null, null, "URL refused: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Firebreak")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            String body = excerpt(response.body());
            if (status >= 200 && status < 300) {
                return judge.apply(new Answer(status, body));
            }
            if (status >= 500 || status == 429 || status == 408) {
                return DeliveryResult.retry(status, body, "HTTP " + status);
            }
            return DeliveryResult.failed(status, body, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retry(null, null, "timeout: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryResult.retry(null, null, "connection error: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry(null, null, "interrupted");
        }
    }

    /** Judges a plain 2xx as delivered. */
    public DeliveryResult postJson(String url, String json, Map<String, String> headers) {
        return postJson(url, json, headers, a -> DeliveryResult.sent(a.status(), a.body()));
    }

    static String excerpt(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "…";
    }
}
