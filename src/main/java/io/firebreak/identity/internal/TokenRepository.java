package io.firebreak.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.identity.Role;

/** Reads and writes {@code identity_token}. Tokens are stored only as SHA-256 hashes. */
@Repository
public class TokenRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TokenRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The owner of a valid token, if the token exists, is not revoked and its user is enabled. */
    public Optional<TokenPrincipal> authenticate(String rawToken) {
        if (rawToken.isEmpty() || rawToken.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(rawToken);
        var principal = jdbc.sql("""
                SELECT u.username, u.role FROM identity_token t JOIN identity_user u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.enabled = TRUE
                """)
                .param("hash", hash)
                .query((rs, n) -> new TokenPrincipal(rs.getString("username"), Role.valueOf(rs.getString("role"))))
                .optional();
        principal.ifPresent(p -> {
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            // Only write when the stored value is over a minute old, so busy API clients do not
            // turn every read into a write.
            jdbc.sql("""
                    UPDATE identity_token SET last_used_at = :now
                    WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :stale)
                    """)
                    .param("now", now).param("stale", now.minusMinutes(1)).param("hash", hash).update();
        });
        return principal;
    }

    public static String hash(String rawToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record TokenPrincipal(String username, Role role) {
    }
}
