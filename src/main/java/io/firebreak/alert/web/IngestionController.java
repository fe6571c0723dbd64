package io.firebreak.alert.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.AlertCommand;
import io.firebreak.alert.internal.AlertWriter;
import io.firebreak.alert.internal.IntegrationRecord;
import io.firebreak.alert.internal.IntegrationRepository;
import io.firebreak.alert.internal.OverloadedException;
import io.firebreak.alert.internal.WriteResult;
import tools.jackson.databind.JsonNode;

/**
 * Ingestion endpoints authenticated by an integration key (in the path or as bearer token),
 * never by a user. Every answer comes after the commit: 2xx means stored. Refusals are problem
 * details: 400 bad input (naming the field), 401 unknown key or bad signature, 413 body over
 * {@code firebreak.alert.max-body-bytes}, 429 queue full (with Retry-After), 503 commit too slow.
 */
@RestController
class IngestionController {

    static final Duration MAX_SIGNATURE_AGE = Duration.ofMinutes(5);

    private final IntegrationRepository integrations;
    private final AlertWriter writer;
    private final Map<AlertSource, SenderAdapter> adapters = new EnumMap<>(AlertSource.class);
    private final Clock clock;
    private final int maxBytes;

    IngestionController(IntegrationRepository integrations, AlertWriter writer, List<SenderAdapter> adapters,
            Clock clock, @Value("${firebreak.alert.max-body-bytes:1048576}") int maxBytes) {
        this.integrations = integrations;
        this.writer = writer;
        adapters.forEach(a -> this.adapters.put(a.format(), a));
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @PostMapping("/api/v1/integrations/{key}/alertmanager")
    Map<String, Object> alertmanager(@PathVariable String key, HttpServletRequest request) {
        return webhook(key, AlertSource.ALERTMANAGER, request);
    }

    @PostMapping("/api/v1/integrations/alertmanager")
    Map<String, Object> alertmanagerBearer(HttpServletRequest request) {
        return webhook(bearer(request), AlertSource.ALERTMANAGER, request);
    }

    @PostMapping("/api/v1/integrations/{key}/grafana")
    Map<String, Object> grafana(@PathVariable String key, HttpServletRequest request) {
        return webhook(key, AlertSource.GRAFANA, request);
    }

    @PostMapping("/api/v1/integrations/grafana")
    Map<String, Object> grafanaBearer(HttpServletRequest request) {
        return webhook(bearer(request), AlertSource.GRAFANA, request);
    }

    /** Alertmanager API v2 as Prometheus calls it: 200 with an empty body, like Alertmanager. */
    @PostMapping("/api/v2/alerts")
    ResponseEntity<Void> prometheus(HttpServletRequest request) {
        ingest(bearer(request), AlertSource.PROMETHEUS, request);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/api/v1/integrations/{key}/events")
    ResponseEntity<Map<String, Object>> generic(@PathVariable String key, HttpServletRequest request) {
        List<WriteResult> results = ingest(key, AlertSource.GENERIC, request);
        WriteResult r = results.get(0);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("status", "success", "dedupKey", r.fingerprint(), "alertId", r.alertId()));
    }

    private Map<String, Object> webhook(String key, AlertSource format, HttpServletRequest request) {
        List<WriteResult> results = ingest(key, format, request);
        return Map.of("status", "success", "alerts", results.size());
    }

    private List<WriteResult> ingest(String key, AlertSource format, HttpServletRequest request) {
        IntegrationRecord integration = integrations.findActiveByKey(key)
                .filter(i -> i.view().type() != AlertSource.PROBE)
                .orElseThrow(IngestionException::unknownKey);
        byte[] body = Payloads.read(request, maxBytes);
        if (integration.signingSecret() != null) {
            if (format != AlertSource.GRAFANA) {
                throw new IngestionException(401, "Unauthorized",
                        "This integration requires signed Grafana deliveries.", null);
            }
            verifySignature(integration.signingSecret(), request, body);
        }
        JsonNode json = Payloads.parse(body);
        List<AlertCommand> commands = adapters.get(format).parse(json, integration.view(), clock.instant());
        return writer.write(commands);
    }

    private void verifySignature(String secret, HttpServletRequest request, byte[] body) {
        String signature = request.getHeader("X-Grafana-Alerting-Signature");
        String timestamp = request.getHeader("X-Grafana-Alerting-Signature-Timestamp");
        if (signature == null || timestamp == null) {
            throw new IngestionException(401, "Unauthorized", "Missing signature or signature timestamp header.", null);
        }
        Instant signedAt;
        try {
            long t = Long.parseLong(timestamp.trim());
            signedAt = t > 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t);
        } catch (NumberFormatException e) {
            throw new IngestionException(401, "Unauthorized", "The signature timestamp is not a Unix time.", null);
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SIGNATURE_AGE)) || signedAt.isAfter(now.plus(MAX_SIGNATURE_AGE))) {
            throw new IngestionException(401, "Unauthorized", "The signature timestamp is too old or in the future.",
                    null);
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp.trim() + ":").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new IngestionException(401, "Unauthorized", "The signature does not match the body.", null);
        }
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw IngestionException.unknownKey();
        }
        return header.substring(7).trim();
    }

    @ExceptionHandler(IngestionException.class)
    ResponseEntity<ProblemDetail> refused(IngestionException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        pd.setTitle(e.title());
        if (e.field() != null) {
            pd.setProperty("field", e.field());
            pd.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        var res = ResponseEntity.status(e.status());
        if (e.status() == 401) {
            res.header("WWW-Authenticate", "Bearer realm=\"firebreak-integration\"");
        }
        return res.body(pd);
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        HttpStatus status = e.queueFull() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        pd.setTitle(e.queueFull() ? "Too many requests" : "Service unavailable");
        return ResponseEntity.status(status).header("Retry-After", "1").body(pd);
    }
}
