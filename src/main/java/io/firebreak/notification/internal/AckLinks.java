package io.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed, expiring, single-use acknowledge links. A token is
 * {@code base64url(incidentId|username|channel|expiresEpochSeconds|nonce) + "." + hex HMAC-SHA256}
 * keyed with a random server secret kept in notification_setting (generated on first use, shared
 * by every instance). Using a token inserts its nonce into notification_ack_use, whose primary key
 * makes a second use fail.
 */
@Component
public class AckLinks {

    private static final String SECRET_NAME = "ack-link-secret";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] secret;

    private final TransactionTemplate ownTransaction;

    AckLinks(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
            @Value("${firebreak.notification.ack-link-lifetime:PT1H}") Duration lifetime) {
        this.jdbc = jdbc;
        // The secret is generated in its own transaction: a caller's rollback must not lose it
        // while this instance keeps using it (another instance would then generate a different one).
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** What a valid token says. */
    public record AckToken(long incidentId, String username, String channel, Instant expiresAt, String nonce) {
    }

    /** Why a token is refused. */
    public enum Refusal {
        FORGED, EXPIRED, USED
    }

    /** A refused token. */
    public static class RefusedToken extends RuntimeException {
        private final Refusal refusal;

        public RefusedToken(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    public String issue(long incidentId, String username, String channel) {
        return issue(incidentId, username, channel, clock.instant());
    }

    /** A token whose lifetime counts from {@code from} (a page that goes out later stays usable as long). */
    public String issue(long incidentId, String username, String channel, Instant from) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        long expires = from.plus(lifetime).getEpochSecond();
        String payload = incidentId + "|" + username + "|" + channel + "|" + expires + "|" + nonce;
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign(encoded);
    }

    /** Checks signature and expiry (not use). */
    public AckToken verify(String token) {
        if (token == null || token.length() > 600) {
            throw new RefusedToken(Refusal.FORGED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw new RefusedToken(Refusal.FORGED);
        }
        String encoded = token.substring(0, dot);
        String mac = token.substring(dot + 1);
        if (!MessageDigest.isEqual(sign(encoded).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII))) {
            throw new RefusedToken(Refusal.FORGED);
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw new RefusedToken(Refusal.FORGED);
        }
        if (parts.length != 5) {
            throw new RefusedToken(Refusal.FORGED);
        }
        AckToken t = new AckToken(Long.parseLong(parts[0]), parts[1], parts[2],
                Instant.ofEpochSecond(Long.parseLong(parts[3])), parts[4]);
        if (!clock.instant().isBefore(t.expiresAt())) {
            throw new RefusedToken(Refusal.EXPIRED);
        }
        if (used(t.nonce())) {
            throw new RefusedToken(Refusal.USED);
        }
        return t;
    }

    /** Marks the token used; must run in the transaction that acknowledges. */
    public void markUsed(AckToken t) {
        try {
            jdbc.sql("INSERT INTO notification_ack_use (nonce, used_at, used_by, channel) VALUES (:n, :at, :by, :c)")
                    .param("n", t.nonce()).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("by", t.username()).param("c", t.channel()).update();
        } catch (DuplicateKeyException e) {
            throw new RefusedToken(Refusal.USED);
        }
    }

    private boolean used(String nonce) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_ack_use WHERE nonce = :n").param("n", nonce)
                .query(Integer.class).single() > 0;
    }

    private String sign(String encoded) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(secret(), encoded.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s != null) {
            return s;
        }
        String stored;
        try {
            stored = generateOrRead();
        } catch (DuplicateKeyException e) {
            // Another instance generated it at the same moment: use theirs.
            stored = read().orElseThrow();
        }
        secret = HexFormat.of().parseHex(stored);
        return secret;
    }

    private String generateOrRead() {
        return ownTransaction.execute(status -> {
            Optional<String> existing = read();
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            jdbc.sql("INSERT INTO notification_setting (name, setting_value) VALUES (:n, :v)").param("n", SECRET_NAME)
                    .param("v", HexFormat.of().formatHex(fresh)).update();
            return HexFormat.of().formatHex(fresh);
        });
    }

    private Optional<String> read() {
        return jdbc.sql("SELECT setting_value FROM notification_setting WHERE name = :n").param("n", SECRET_NAME)
                .query(String.class).optional();
    }
}
