package io.firebreak.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;

/** Reads and writes {@code identity_user}; the only code that touches that table. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, username, display_name, email, phone, locale, time_zone, role, enabled";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserView> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE LOWER(username) = LOWER(:u)")
                .param("u", username).query(UserRepository::map).optional();
    }

    public Optional<UserView> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE id = :id")
                .param("id", id).query(UserRepository::map).optional();
    }

    public List<UserView> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user ORDER BY LOWER(display_name)")
                .query(UserRepository::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_user").query(Long.class).single();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM identity_user WHERE LOWER(username) = LOWER(:u)")
                .param("u", username).query(String.class).optional();
    }

    public long insert(NewUser user, String passwordHash, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO identity_user (username, display_name, email, phone, locale, time_zone, role,
                                           password_hash, enabled, created_at)
                VALUES (:username, :displayName, :email, :phone, :locale, :timeZone, :role, :hash, TRUE, :now)
                """)
                .param("username", user.username())
                .param("displayName", user.displayName())
                .param("email", user.email())
                .param("phone", user.phone())
                .param("locale", user.locale())
                .param("timeZone", user.timeZone() == null ? "UTC" : user.timeZone())
                .param("role", user.role().name())
                .param("hash", passwordHash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updatePreferences(long id, String locale, String timeZone) {
        jdbc.sql("UPDATE identity_user SET locale = :locale, time_zone = :tz WHERE id = :id")
                .param("locale", locale).param("tz", timeZone).param("id", id).update();
    }

    /** Replaces the user's changeable fields (not the user name, not the password). */
    public void update(long id, String displayName, String email, String phone, String locale, String timeZone,
            Role role, boolean enabled) {
        jdbc.sql("""
                UPDATE identity_user SET display_name = :displayName, email = :email, phone = :phone,
                       locale = :locale, time_zone = :timeZone, role = :role, enabled = :enabled
                WHERE id = :id
                """)
                .param("displayName", displayName).param("email", email).param("phone", phone)
                .param("locale", locale).param("timeZone", timeZone).param("role", role.name())
                .param("enabled", enabled).param("id", id).update();
    }

    public void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE identity_user SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    /**
     * The ids of the enabled admins, locking their rows until the transaction ends, so two
     * concurrent changes cannot both remove "the other" last admin.
     */
    public List<Long> lockEnabledAdmins() {
        return jdbc.sql("SELECT id FROM identity_user WHERE role = 'ADMIN' AND enabled = TRUE ORDER BY id FOR UPDATE")
                .query(Long.class).list();
    }

    static UserView map(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("locale"),
                ZoneId.of(rs.getString("time_zone")), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"));
    }
}
