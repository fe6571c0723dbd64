package io.firebreak.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.internal.TokenRepository;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * API tokens: created per user, shown once, stored as a SHA-256 hash, revocable by their owner
 * (or an admin). A token carries its owner's role.
 */
@Service
public class TokenManagement {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final AuditManagement audit;
    private final Clock clock;

    TokenManagement(JdbcClient jdbc, UserManagement users, AuditManagement audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for {@code username}; the returned secret is not stored anywhere. */
    @Transactional
    public IssuedToken create(String username, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        UserView owner = users.getByUsername(username);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "fb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO identity_token (user_id, name, token_hash, token_prefix, created_at)
                VALUES (:user, :name, :hash, :prefix, :now)
                """)
                .param("user", owner.id()).param("name", name.strip()).param("hash", TokenRepository.hash(secret))
                .param("prefix", secret.substring(0, 8)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        TokenView view = get(keys.getKey().longValue());
        audit.record(username, "token", String.valueOf(view.id()), "created", null, view);
        return new IssuedToken(view, secret);
    }

    /** The user's tokens, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<TokenView> list(String username) {
        UserView owner = users.getByUsername(username);
        return jdbc.sql("SELECT * FROM identity_token WHERE user_id = :user ORDER BY created_at DESC, id DESC")
                .param("user", owner.id()).query((rs, n) -> map(rs)).list();
    }

    /**
     * Revokes one of the caller's tokens (an admin may revoke anyone's). Revoking an already
     * revoked token changes nothing.
     */
    @Transactional
    public TokenView revoke(String actor, long tokenId) {
        UserView caller = users.getByUsername(actor);
        Long ownerId = jdbc.sql("SELECT user_id FROM identity_token WHERE id = :id").param("id", tokenId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("No token with id " + tokenId));
        if (ownerId != caller.id() && caller.role() != Role.ADMIN) {
            // Someone else's token is reported as absent so its existence does not leak.
            throw new NotFoundException("No token with id " + tokenId);
        }
        TokenView before = get(tokenId);
        if (before.revokedAt() == null) {
            jdbc.sql("UPDATE identity_token SET revoked_at = :now WHERE id = :id")
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", tokenId).update();
            audit.record(actor, "token", String.valueOf(tokenId), "revoked", before, get(tokenId));
        }
        return get(tokenId);
    }

    private TokenView get(long id) {
        return jdbc.sql("SELECT * FROM identity_token WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).single();
    }

    private static TokenView map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
