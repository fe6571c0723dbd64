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
import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.AlertCommand;
import io.firebreak.alert.internal.AlertWriter;
import io.firebreak.alert.internal.IntegrationRecord;
import io.firebreak.alert.internal.IntegrationRepository;
import io.firebreak.alert.internal.WriteResult;
import tools.jackson.databind.JsonNode;

/**
 * One delivery from a sender, from request to commit: finds the integration by its key, reads
 * the body within {@code firebreak.alert.max-body-bytes}, checks a Grafana signature when the
 * integration has a secret, parses the sender's format and hands the alerts to the group-commit
 * writer. Returns only after the commit; refuses with {@link IngestionException} (bad input, unknown
 * key, bad signature, body too large) or {@link io.firebreak.alert.internal.OverloadedException}.
 */
@Component
class Ingestion {

    static final Duration MAX_SIGNATURE_AGE = Duration.ofMinutes(5);

    private final IntegrationRepository integrations;
    private final AlertWriter writer;
    private final Map<AlertSource, SenderAdapter> adapters = new EnumMap<>(AlertSource.class);
    private final Clock clock;
    private final int maxBytes;

    Ingestion(IntegrationRepository integrations, AlertWriter writer, List<SenderAdapter> adapters, Clock clock,
            @Value("${firebreak.alert.max-body-bytes:1048576}") int maxBytes) {
        this.integrations = integrations;
        this.writer = writer;
        adapters.forEach(a -> this.adapters.put(a.format(), a));
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Stores the request's alerts for the integration with {@code key}; one result per alert, in order. */
    List<WriteResult> ingest(String key, AlertSource format, HttpServletRequest request) {
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

    /** The integration key sent as {@code Authorization: Bearer}; refused as an unknown key when absent. */
    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw IngestionException.unknownKey();
        }
        return header.substring(7).trim();
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
}
