package io.firebreak.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.notification.Audience;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The audience of each severity level (channels, teams, users), edited by ADMINs, and the
 * resolution of a level's audience into enabled people (directly or via teams, each once).
 */
@Component
public class AudienceBook {

    static final int MAX_ENTRIES = 200;

    private final JdbcClient jdbc;
    private final SeverityManagement severity;
    private final ChannelRepository channels;
    private final TeamManagement teams;
    private final UserManagement users;
    private final AuditManagement audit;

    AudienceBook(JdbcClient jdbc, SeverityManagement severity, ChannelRepository channels, TeamManagement teams,
            UserManagement users, AuditManagement audit) {
        this.jdbc = jdbc;
        this.severity = severity;
        this.channels = channels;
        this.teams = teams;
        this.users = users;
        this.audit = audit;
    }

    /** The stored audience of a level (404 if the active scheme has no such level). */
    public Audience get(String levelCode) {
        String code = known(levelCode);
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, ref_id FROM notification_audience WHERE level_code = ? ORDER BY kind, ref_id")
                .param(code)
                .query((rs, n) -> byKind.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return new Audience(code, byKind.get("CHANNEL"), byKind.get("TEAM"), byKind.get("USER"));
    }

    /** Replaces the audience of a level; every id must exist (400 naming the list otherwise). */
    @Transactional
    public Audience put(String levelCode, Audience change, String actor) {
        Audience before = get(levelCode);
        Audience value = new Audience(before.levelCode(), change == null ? null : change.channels(),
                change == null ? null : change.teams(), change == null ? null : change.users());
        if (value.channels().size() + value.teams().size() + value.users().size() > MAX_ENTRIES) {
            throw new InvalidInputException("users", "at most " + MAX_ENTRIES + " destinations per level");
        }
        for (Long id : value.channels()) {
            ChannelConfig c = id == null ? null : channels.find(id).orElse(null);
            if (c == null || c.customer()) {
                throw new InvalidInputException("channels", "no internal channel with id " + id);
            }
        }
        for (Long id : value.teams()) {
            if (id == null || teams.find(id).isEmpty()) {
                throw new InvalidInputException("teams", "no team with id " + id);
            }
        }
        for (Long id : value.users()) {
            if (id == null || users.findById(id).isEmpty()) {
                throw new InvalidInputException("users", "no user with id " + id);
            }
        }
        jdbc.sql("DELETE FROM notification_audience WHERE level_code = ?").param(value.levelCode()).update();
        insert(value.levelCode(), "CHANNEL", value.channels());
        insert(value.levelCode(), "TEAM", value.teams());
        insert(value.levelCode(), "USER", value.users());
        audit.record(actor, "notification-audience", value.levelCode(), "updated", before, value);
        return get(value.levelCode());
    }

    /** Extra channels configured for the level (enabled, internal), beyond those listing the level themselves. */
    public List<ChannelConfig> extraChannels(String levelCode) {
        Set<Long> ids = new LinkedHashSet<>(stored(levelCode, "CHANNEL"));
        return channels.all().stream().filter(c -> ids.contains(c.id())).filter(ChannelConfig::enabled)
                .filter(c -> !c.customer()).toList();
    }

    /** The enabled people of a level's audience: its users and the members of its teams, each once. */
    public List<UserView> people(String levelCode) {
        Set<Long> ids = new LinkedHashSet<>(stored(levelCode, "USER"));
        for (Long teamId : stored(levelCode, "TEAM")) {
            teams.find(teamId).map(TeamView::memberIds).ifPresent(ids::addAll);
        }
        List<UserView> out = new ArrayList<>();
        for (Long id : ids) {
            users.findById(id).filter(UserView::enabled).ifPresent(out::add);
        }
        return out;
    }

    private List<Long> stored(String levelCode, String kind) {
        return jdbc.sql("SELECT ref_id FROM notification_audience WHERE level_code = ? AND kind = ? ORDER BY ref_id")
                .params(levelCode, kind).query(Long.class).list();
    }

    private void insert(String level, String kind, List<Long> ids) {
        for (Long id : new LinkedHashSet<>(ids)) {
            jdbc.sql("INSERT INTO notification_audience (level_code, kind, ref_id) VALUES (?, ?, ?)")
                    .params(level, kind, id).update();
        }
    }

    private String known(String levelCode) {
        if (levelCode == null || levelCode.isBlank()) {
            throw new NotFoundException("No severity level ''");
        }
        return severity.findLevel(levelCode.strip()).map(l -> l.code())
                .orElseThrow(() -> new NotFoundException("No severity level " + levelCode));
    }
}
