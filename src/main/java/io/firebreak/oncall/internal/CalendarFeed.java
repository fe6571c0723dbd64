package io.firebreak.oncall.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.oncall.OncallManagement;

/**
 * Each person's on-call calendar behind a secret URL. The token is shown once when made; only its
 * SHA-256 hash is stored, so the database alone cannot be used to read anyone's calendar. Making
 * a new token replaces the old one.
 */
@Service
public class CalendarFeed {

    static final Duration PAST = Duration.ofDays(7);
    static final Duration AHEAD = Duration.ofDays(56);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final OncallManagement oncall;
    private final AuditManagement audit;
    private final Clock clock;

    CalendarFeed(JdbcClient jdbc, UserManagement users, OncallManagement oncall, AuditManagement audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.oncall = oncall;
        this.audit = audit;
        this.clock = clock;
    }

    /** The feed's path for a token. */
    public static String path(String token) {
        return "/oncall/ical/" + token + ".ics";
    }

    /** Makes a new token for the user (the old one stops working) and returns it; it is not stored. */
    @Transactional
    public String rotate(String username) {
        UserView user = users.getByUsername(username);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM oncall_calendar_token WHERE user_id = :u").param("u", user.id()).update();
        jdbc.sql("INSERT INTO oncall_calendar_token (user_id, token_hash, created_at) VALUES (:u, :h, :now)")
                .param("u", user.id()).param("h", hash(token)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        audit.record(username, "oncall-calendar", String.valueOf(user.id()), "token-rotated", null,
                Map.of("userId", user.id()));
        return token;
    }

    /** Whether the user has a feed token. */
    @Transactional(readOnly = true)
    public boolean hasToken(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM oncall_calendar_token WHERE user_id = :u").param("u", userId)
                .query(Integer.class).single() > 0;
    }

    /** The calendar of the token's owner, or empty for an unknown token or a disabled person. */
    @Transactional(readOnly = true)
    public Optional<String> calendar(String token, String host) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM oncall_calendar_token WHERE token_hash = :h").param("h", hash(token))
                .query(Long.class).optional().flatMap(users::findById).filter(UserView::enabled).map(user -> {
                    Instant now = clock.instant();
                    return IcsWriter.calendar("Firebreak on-call: " + user.username(),
                            oncall.shiftsOf(user.id(), now.minus(PAST), now.plus(AHEAD)), now, host);
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
