package io.firebreak.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.notification.ChannelKind;
import tools.jackson.databind.ObjectMapper;

/** The notification_channel and notification_allow_entry tables. */
@Repository
public class ChannelRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ChannelRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(ChannelConfig c, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_channel (name, kind, target, mentions, smtp_json, secret, locale, levels,
                    ack_as, enabled, customer, created_at)
                VALUES (:name, :kind, :target, :mentions, :smtp, :secret, :locale, :levels, :ackAs, :enabled, :customer, :now)""")
                .param("name", c.name()).param("kind", c.kind().name()).param("target", c.target())
                .param("mentions", String.join(",", c.mentions()))
                .param("smtp", c.smtp() == null ? null : json.writeValueAsString(c.smtp()))
                .param("secret", c.secret()).param("locale", c.locale()).param("levels", String.join(",", c.levels()))
                .param("ackAs", c.ackAs()).param("enabled", c.enabled()).param("customer", c.customer()).param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates everything; a null secret keeps the stored one (write-only field). */
    public void update(ChannelConfig c) {
        jdbc.sql("""
                UPDATE notification_channel SET name = :name, kind = :kind, target = :target, mentions = :mentions,
                    smtp_json = :smtp, secret = COALESCE(:secret, secret), locale = :locale, levels = :levels,
                    ack_as = :ackAs, enabled = :enabled, customer = :customer WHERE id = :id""")
                .param("name", c.name()).param("kind", c.kind().name()).param("target", c.target())
                .param("mentions", String.join(",", c.mentions()))
                .param("smtp", c.smtp() == null ? null : json.writeValueAsString(c.smtp()))
                .param("secret", c.secret()).param("locale", c.locale()).param("levels", String.join(",", c.levels()))
                .param("ackAs", c.ackAs()).param("enabled", c.enabled()).param("customer", c.customer()).param("id", c.id()).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM notification_channel WHERE id = :id").param("id", id).update();
    }

    public Optional<ChannelConfig> find(long id) {
        return jdbc.sql("SELECT * FROM notification_channel WHERE id = :id").param("id", id).query(this::map)
                .optional();
    }

    public Optional<ChannelConfig> findByName(String name) {
        return jdbc.sql("SELECT * FROM notification_channel WHERE name = :name").param("name", name)
                .query(this::map).optional();
    }

    public List<ChannelConfig> all() {
        return jdbc.sql("SELECT * FROM notification_channel ORDER BY name").query(this::map).list();
    }

    /** Enabled internal channels in the audience of a level (a channel with no levels listed hears every level). */
    public List<ChannelConfig> audience(String levelCode) {
        return all().stream().filter(ChannelConfig::enabled).filter(c -> !c.customer())
                .filter(c -> c.levels().isEmpty() || c.levels().contains(levelCode)).toList();
    }

    /**
     * The email channel whose SMTP server emails people directly (audiences, pages, personal
     * notices): the first enabled internal email channel by name, if any.
     */
    public Optional<ChannelConfig> emailSender() {
        return all().stream().filter(ChannelConfig::enabled)
                .filter(c -> c.kind() == ChannelKind.EMAIL && !c.customer()).findFirst();
    }

    /** Enabled customer-notice channels. */
    public List<ChannelConfig> customerChannels() {
        return all().stream().filter(ChannelConfig::enabled).filter(ChannelConfig::customer).toList();
    }

    public List<String> allowEntries() {
        return jdbc.sql("SELECT entry FROM notification_allow_entry ORDER BY entry").query(String.class).list();
    }

    public void addAllowEntry(String entry) {
        if (!allowEntries().contains(entry)) {
            jdbc.sql("INSERT INTO notification_allow_entry (entry) VALUES (:e)").param("e", entry).update();
        }
    }

    public void removeAllowEntry(String entry) {
        jdbc.sql("DELETE FROM notification_allow_entry WHERE entry = :e").param("e", entry).update();
    }

    private ChannelConfig map(ResultSet rs, int row) throws SQLException {
        String smtp = rs.getString("smtp_json");
        return new ChannelConfig(rs.getLong("id"), rs.getString("name"), ChannelKind.valueOf(rs.getString("kind")),
                rs.getString("target"), split(rs.getString("mentions")),
                smtp == null ? null : json.readValue(smtp, ChannelConfig.SmtpSettings.class),
                rs.getString("secret"), rs.getString("locale"), split(rs.getString("levels")), rs.getString("ack_as"),
                rs.getBoolean("enabled"), rs.getBoolean("customer"));
    }

    static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
