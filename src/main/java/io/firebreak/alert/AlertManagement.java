package io.firebreak.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.alert.internal.AlertCommand;
import io.firebreak.alert.internal.AlertQueries;
import io.firebreak.alert.internal.AlertWriter;
import io.firebreak.alert.internal.IntegrationRecord;
import io.firebreak.alert.internal.IntegrationRepository;
import io.firebreak.alert.internal.Json;
import io.firebreak.alert.internal.Keys;
import io.firebreak.alert.internal.WriteResult;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.identity.AuditManagement;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;

/**
 * The alert module's facade: reads of alerts and of the ordered transition feed for the incident
 * module, internal alerts for health checks, and the audited upkeep of integrations, silences,
 * maintenance windows, the global maintenance switch, and change events.
 */
@Service
public class AlertManagement {

    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 2000;

    private final AlertQueries queries;
    private final AlertWriter writer;
    private final IntegrationRepository integrations;
    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final SeverityManagement severity;
    private final AuditManagement audit;
    private final Clock clock;
    private final Object probeLock = new Object();

    AlertManagement(AlertQueries queries, AlertWriter writer, IntegrationRepository integrations, JdbcClient jdbc,
            CatalogManagement catalog, SeverityManagement severity, AuditManagement audit, Clock clock) {
        this.queries = queries;
        this.writer = writer;
        this.integrations = integrations;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.severity = severity;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- alerts and the feed

    /** Returns the alert or throws {@code NotFoundException}. */
    @Transactional(readOnly = true)
    public AlertView get(long id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("No alert with id " + id));
    }

    /** The alerts with these ids (unknown ids are left out), in id order. */
    @Transactional(readOnly = true)
    public List<AlertView> getAll(Collection<Long> ids) {
        return queries.findAll(ids);
    }

    /** Alerts matching the filter, most recently seen first. */
    @Transactional(readOnly = true)
    public PageResult<AlertView> search(AlertFilter filter, PageRequest page) {
        return queries.search(filter, page);
    }

    /** The stored raw payload of the alert's latest notification (bounded), if any; throws when the alert is unknown. */
    @Transactional(readOnly = true)
    public Optional<String> payload(long id) {
        get(id);
        return queries.payload(id);
    }

    /**
     * Up to {@code limit} feed entries with a seq greater than {@code afterSeq}, in seq order. Seqs
     * are assigned under a lock held until commit, so a consumer never sees a higher seq before a
     * lower one commits: no entry is skipped.
     */
    @Transactional(readOnly = true)
    public List<AlertFeedEntry> feedAfter(long afterSeq, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", "limit must be between 1 and 10000");
        }
        return queries.feedAfter(afterSeq, limit);
    }

    /** The highest seq committed so far (0 when the feed is empty): a new consumer may start from here. */
    @Transactional(readOnly = true)
    public long feedHead() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM alert_transition").query(Long.class).single();
    }

    /** Stores an internal alert (dedup by fingerprint among PROBE alerts) and returns it once committed. */
    public AlertView raise(InternalAlert alert) {
        if (alert == null || alert.fingerprint() == null || alert.fingerprint().isBlank()
                || alert.fingerprint().length() > 255) {
            throw new InvalidInputException("fingerprint", "must be 1 to 255 characters");
        }
        if (alert.status() == null) {
            throw new InvalidInputException("status", "is required");
        }
        IntegrationView probe = probeIntegration();
        Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
        String title = alert.title() == null || alert.title().isBlank() ? alert.fingerprint() : truncate(alert.title(), 1000);
        var cmd = new AlertCommand(probe.id(), alert.fingerprint(),
                alert.status() == AlertStatus.FIRING ? AlertCommand.Action.FIRE : AlertCommand.Action.RESOLVE, null,
                title, truncate(alert.description(), 10_000), labels.get("severity"),
                alert.levelCode() != null ? alert.levelCode() : probe.defaultLevel(), alert.serviceId(), labels,
                Map.of(), List.of(), null, null, null, null);
        WriteResult r = writer.write(List.of(cmd)).get(0);
        return get(r.alertId());
    }

    /** The built-in integration of health checks, created on first use. */
    public IntegrationView probeIntegration() {
        synchronized (probeLock) {
            return integrations.findByType(AlertSource.PROBE).map(IntegrationRecord::view).orElseGet(() -> {
                String key = Keys.newKey();
                long id = integrations.insert("Health checks", AlertSource.PROBE, Keys.sha256(key), Keys.prefix(key),
                        null, null, IntegrationDefaults.SERVICE_LABEL, IntegrationDefaults.SEVERITY_MAPPING,
                        IntegrationDefaults.DEFAULT_LEVEL, GroupingPolicy.defaults(), true);
                return integration(id);
            });
        }
    }

    // ---- integrations

    /** Returns the integration or throws {@code NotFoundException}. */
    @Transactional(readOnly = true)
    public IntegrationView integration(long id) {
        return integrations.find(id).map(IntegrationRecord::view)
                .orElseThrow(() -> new NotFoundException("No integration with id " + id));
    }

    @Transactional(readOnly = true)
    public List<IntegrationView> integrations() {
        return integrations.list();
    }

    /** Creates an integration and returns it with its key, which is never shown again. */
    @Transactional
    public IssuedIntegration createIntegration(IntegrationDefinition def, String actor) {
        Valid v = validate(def, null);
        if (v.type() == AlertSource.PROBE) {
            throw new InvalidInputException("type", "PROBE is the built-in health check integration");
        }
        String key = Keys.newKey();
        long id = integrations.insert(v.name(), v.type(), Keys.sha256(key), Keys.prefix(key), v.secret(), v.serviceId(),
                v.serviceLabel(), v.mapping(), v.defaultLevel(), v.grouping(), v.enabled());
        IntegrationView created = integration(id);
        audit.record(actor, "integration", String.valueOf(id), "created", null, created);
        return new IssuedIntegration(created, key);
    }

    @Transactional
    public IntegrationView updateIntegration(long id, IntegrationDefinition def, String actor) {
        IntegrationRecord before = integrations.find(id)
                .orElseThrow(() -> new NotFoundException("No integration with id " + id));
        Valid v = validate(def, before);
        integrations.update(id, v.name(), before.view().type() == AlertSource.PROBE ? AlertSource.PROBE : v.type(),
                v.secret(), v.serviceId(), v.serviceLabel(), v.mapping(), v.defaultLevel(), v.grouping(), v.enabled());
        IntegrationView after = integration(id);
        audit.record(actor, "integration", String.valueOf(id), "updated", before.view(), after);
        return after;
    }

    /** Issues a new key (the old one stops working at once) and returns it, shown once. */
    @Transactional
    public IssuedIntegration rotateKey(long id, String actor) {
        IntegrationView before = integration(id);
        String key = Keys.newKey();
        integrations.rotate(id, Keys.sha256(key), Keys.prefix(key));
        IntegrationView after = integration(id);
        audit.record(actor, "integration", String.valueOf(id), "key-rotated", before, after);
        return new IssuedIntegration(after, key);
    }

    /** Revokes the integration's key and disables it; its alerts stay. */
    @Transactional
    public IntegrationView revokeIntegration(long id, String actor) {
        IntegrationView before = integration(id);
        integrations.revoke(id, clock.instant());
        IntegrationView after = integration(id);
        audit.record(actor, "integration", String.valueOf(id), "revoked", before, after);
        return after;
    }

    private Valid validate(IntegrationDefinition def, IntegrationRecord existing) {
        if (def == null) {
            throw new InvalidInputException("body", "is required");
        }
        String name = def.name() == null ? "" : def.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be 1 to " + MAX_NAME + " characters");
        }
        AlertSource type = def.type() != null ? def.type() : existing != null ? existing.view().type() : null;
        if (type == null) {
            throw new InvalidInputException("type", "is required");
        }
        if (def.serviceId() != null && catalog.find(def.serviceId()).isEmpty()) {
            throw new InvalidInputException("serviceId", "no service with id " + def.serviceId());
        }
        String label = def.serviceLabel() == null || def.serviceLabel().isBlank() ? IntegrationDefaults.SERVICE_LABEL
                : def.serviceLabel().trim();
        if (label.length() > 100) {
            throw new InvalidInputException("serviceLabel", "must be at most 100 characters");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, String> given = def.severityMapping() != null ? def.severityMapping()
                : IntegrationDefaults.SEVERITY_MAPPING;
        for (var e : given.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64) {
                throw new InvalidInputException("severityMapping", "severity values must be 1 to 64 characters");
            }
            requireLevel("severityMapping", e.getValue());
            mapping.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
        }
        String defaultLevel = def.defaultLevel() == null || def.defaultLevel().isBlank()
                ? IntegrationDefaults.DEFAULT_LEVEL : def.defaultLevel().trim();
        requireLevel("defaultLevel", defaultLevel);
        GroupingPolicy g = def.grouping() != null ? def.grouping() : GroupingPolicy.defaults();
        if (g.mode() == null) {
            throw new InvalidInputException("grouping.mode", "is required");
        }
        List<String> labels = g.groupLabels() == null ? List.of()
                : g.groupLabels().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (labels.stream().anyMatch(s -> s.contains(",") || s.length() > 100)) {
            throw new InvalidInputException("grouping.groupLabels", "label names must be at most 100 characters, no commas");
        }
        if (g.mode() == GroupingMode.LABELS && labels.isEmpty()) {
            throw new InvalidInputException("grouping.groupLabels", "name at least one label for LABELS grouping");
        }
        Duration window = g.window() == null ? GroupingPolicy.defaults().window() : g.window();
        Duration flap = g.flapWindow() == null ? GroupingPolicy.defaults().flapWindow() : g.flapWindow();
        if (window.isNegative() || window.isZero() || flap.isNegative() || flap.isZero()) {
            throw new InvalidInputException("grouping.window", "windows must be positive");
        }
        if (g.openAfterFirings() < 1 || g.openAfterFirings() > 1000) {
            throw new InvalidInputException("grouping.openAfterFirings", "must be between 1 and 1000");
        }
        if (g.maxReopensPerDay() < 0 || g.maxReopensPerDay() > 1000) {
            throw new InvalidInputException("grouping.maxReopensPerDay", "must be between 0 and 1000");
        }
        g = new GroupingPolicy(g.mode(), labels, window, g.openAfterFirings(), flap, g.maxReopensPerDay(),
                g.autoResolve());
        String secret = def.signingSecret() == null ? (existing == null ? null : existing.signingSecret())
                : def.signingSecret().isEmpty() ? null : def.signingSecret();
        if (secret != null && (secret.length() < 8 || secret.length() > 200)) {
            throw new InvalidInputException("signingSecret", "must be 8 to 200 characters");
        }
        boolean enabled = def.enabled() == null || def.enabled();
        return new Valid(name, type, def.serviceId(), label, mapping, defaultLevel, g, enabled, secret);
    }

    private void requireLevel(String field, String code) {
        if (code == null || severity.findLevel(code).isEmpty()) {
            throw new InvalidInputException(field, "no level '" + code + "' in the active severity scheme");
        }
    }

    private record Valid(String name, AlertSource type, Long serviceId, String serviceLabel, Map<String, String> mapping,
            String defaultLevel, GroupingPolicy grouping, boolean enabled, String secret) {
    }

    // ---- silences

    @Transactional(readOnly = true)
    public List<SilenceView> silences(boolean includeExpired) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT * FROM alert_silence" + (includeExpired ? "" : " WHERE ends_at > :t")
                + " ORDER BY ends_at DESC, id DESC LIMIT 500").param("t", now.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> new SilenceView(rs.getLong("id"), Json.matchers(rs.getString("matchers")),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("created_by"),
                        rs.getString("comment"), instant(rs, "created_at"),
                        !instant(rs, "starts_at").isAfter(now) && instant(rs, "ends_at").isAfter(now)))
                .list();
    }

    @Transactional(readOnly = true)
    public SilenceView silence(long id) {
        return silences(true).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No silence with id " + id));
    }

    /** Creates a silence; it applies to alerts that fire (again) while it is active. */
    @Transactional
    public SilenceView createSilence(SilenceDefinition def, String actor) {
        if (def == null || def.matchers() == null || def.matchers().isEmpty()) {
            throw new InvalidInputException("matchers", "name at least one matcher");
        }
        if (def.matchers().size() > 20) {
            throw new InvalidInputException("matchers", "at most 20 matchers");
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (LabelMatcher m : def.matchers()) {
            if (m == null || m.name() == null || m.name().isBlank() || m.name().length() > 100) {
                throw new InvalidInputException("matchers.name", "must be 1 to 100 characters");
            }
            if (m.op() == null) {
                throw new InvalidInputException("matchers.op", "must be one of =, !=, =~, !~");
            }
            String value = m.value() == null ? "" : m.value();
            if (value.length() > 500) {
                throw new InvalidInputException("matchers.value", "must be at most 500 characters");
            }
            if (m.op() == MatchOp.RE || m.op() == MatchOp.NRE) {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException("matchers.value", "is not a valid regular expression");
                }
            }
            matchers.add(new LabelMatcher(m.name().trim(), m.op(), value));
        }
        Instant now = clock.instant();
        Instant starts = def.startsAt() == null ? now : def.startsAt();
        if (def.endsAt() == null || !def.endsAt().isAfter(starts) || !def.endsAt().isAfter(now)) {
            throw new InvalidInputException("endsAt", "must be after the start and in the future");
        }
        String comment = def.comment() == null ? "" : def.comment().trim();
        if (comment.isEmpty() || comment.length() > MAX_TEXT) {
            throw new InvalidInputException("comment", "must be 1 to " + MAX_TEXT + " characters");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert_silence (matchers, starts_at, ends_at, created_by, comment, created_at) "
                + "VALUES (:m, :s, :e, :by, :c, :now)")
                .param("m", Json.matchers(matchers)).param("s", utc(starts)).param("e", utc(def.endsAt()))
                .param("by", actor).param("c", comment).param("now", utc(now)).update(keys, "id");
        SilenceView created = silence(keys.getKey().longValue());
        audit.record(actor, "silence", String.valueOf(created.id()), "created", null, created);
        return created;
    }

    /** Ends a silence now (it stays listed as expired). */
    @Transactional
    public SilenceView expireSilence(long id, String actor) {
        SilenceView before = silence(id);
        Instant now = clock.instant();
        if (before.endsAt().isAfter(now)) {
            jdbc.sql("UPDATE alert_silence SET ends_at = :t, starts_at = CASE WHEN starts_at > :t THEN :t ELSE starts_at END "
                    + "WHERE id = :id").param("t", utc(now)).param("id", id).update();
        }
        SilenceView after = silence(id);
        audit.record(actor, "silence", String.valueOf(id), "expired", before, after);
        return after;
    }

    // ---- maintenance windows

    @Transactional(readOnly = true)
    public List<MaintenanceWindowView> maintenanceWindows(boolean includePast) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT * FROM alert_maintenance_window" + (includePast ? "" : " WHERE ends_at > :t")
                + " ORDER BY starts_at DESC, id DESC LIMIT 500").param("t", utc(now))
                .query((rs, n) -> new MaintenanceWindowView(rs.getLong("id"), rs.getLong("service_id"),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("reason"),
                        rs.getString("created_by"), instant(rs, "created_at"),
                        !instant(rs, "starts_at").isAfter(now) && instant(rs, "ends_at").isAfter(now)))
                .list();
    }

    @Transactional(readOnly = true)
    public MaintenanceWindowView maintenanceWindow(long id) {
        return maintenanceWindows(true).stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No maintenance window with id " + id));
    }

    @Transactional
    public MaintenanceWindowView createMaintenanceWindow(MaintenanceWindowDefinition def, String actor) {
        if (def == null || def.serviceId() == null) {
            throw new InvalidInputException("serviceId", "is required");
        }
        if (catalog.find(def.serviceId()).isEmpty()) {
            throw new InvalidInputException("serviceId", "no service with id " + def.serviceId());
        }
        Instant now = clock.instant();
        Instant starts = def.startsAt() == null ? now : def.startsAt();
        if (def.endsAt() == null || !def.endsAt().isAfter(starts) || !def.endsAt().isAfter(now)) {
            throw new InvalidInputException("endsAt", "must be after the start and in the future");
        }
        String reason = def.reason() == null ? "" : def.reason().trim();
        if (reason.isEmpty() || reason.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "must be 1 to " + MAX_TEXT + " characters");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert_maintenance_window (service_id, starts_at, ends_at, reason, created_by, created_at) "
                + "VALUES (:svc, :s, :e, :r, :by, :now)")
                .param("svc", def.serviceId()).param("s", utc(starts)).param("e", utc(def.endsAt()))
                .param("r", reason).param("by", actor).param("now", utc(now)).update(keys, "id");
        MaintenanceWindowView created = maintenanceWindow(keys.getKey().longValue());
        audit.record(actor, "maintenance-window", String.valueOf(created.id()), "created", null, created);
        return created;
    }

    /** Ends a maintenance window now. */
    @Transactional
    public MaintenanceWindowView endMaintenanceWindow(long id, String actor) {
        MaintenanceWindowView before = maintenanceWindow(id);
        Instant now = clock.instant();
        if (before.endsAt().isAfter(now)) {
            jdbc.sql("UPDATE alert_maintenance_window SET ends_at = :t, "
                    + "starts_at = CASE WHEN starts_at > :t THEN :t ELSE starts_at END WHERE id = :id")
                    .param("t", utc(now)).param("id", id).update();
        }
        MaintenanceWindowView after = maintenanceWindow(id);
        audit.record(actor, "maintenance-window", String.valueOf(id), "ended", before, after);
        return after;
    }

    // ---- global switch

    @Transactional(readOnly = true)
    public GlobalMaintenance globalMaintenance() {
        return globalMaintenanceHistory(1).stream().findFirst().orElse(GlobalMaintenance.off());
    }

    /** The latest switches, newest first. */
    @Transactional(readOnly = true)
    public List<GlobalMaintenance> globalMaintenanceHistory(int limit) {
        return jdbc.sql("SELECT * FROM alert_global_switch ORDER BY id DESC LIMIT :l").param("l", limit)
                .query((rs, n) -> new GlobalMaintenance(rs.getBoolean("enabled"), rs.getString("changed_by"),
                        rs.getString("reason"), instant(rs, "changed_at")))
                .list();
    }

    /** Switches global maintenance on or off; while on, every alert that fires is stored as PANIC and opens nothing. */
    @Transactional
    public GlobalMaintenance setGlobalMaintenance(boolean enabled, String reason, String actor) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "must be 1 to " + MAX_TEXT + " characters");
        }
        GlobalMaintenance before = globalMaintenance();
        jdbc.sql("INSERT INTO alert_global_switch (enabled, reason, changed_by, changed_at) VALUES (:e, :r, :by, :t)")
                .param("e", enabled).param("r", why).param("by", actor).param("t", utc(clock.instant())).update();
        GlobalMaintenance after = globalMaintenance();
        audit.record(actor, "global-maintenance", "global", enabled ? "enabled" : "disabled", before, after);
        return after;
    }

    // ---- change events

    /** Stores a change event received from a sender. */
    @Transactional
    public ChangeEventView recordChange(long integrationId, String summary, String source, Instant happenedAt,
            Long serviceId, List<AlertLink> links, String customDetails) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert_change_event (integration_id, summary, source, happened_at, received_at, "
                + "service_id, links, custom_details) VALUES (:i, :s, :src, :at, :now, :svc, :l, :d)")
                .param("i", integrationId).param("s", summary).param("src", source).param("at", utc(happenedAt))
                .param("now", utc(clock.instant())).param("svc", serviceId).param("l", Json.links(links))
                .param("d", customDetails).update(keys, "id");
        long id = keys.getKey().longValue();
        return changes("WHERE id = :id", Map.of("id", id), 1).get(0);
    }

    /** Change events of the service (all services when null) since the instant, newest first, at most 100. */
    @Transactional(readOnly = true)
    public List<ChangeEventView> recentChanges(Long serviceId, Instant since) {
        Map<String, Object> params = new HashMap<>();
        params.put("since", utc(since == null ? Instant.EPOCH : since));
        String where = "WHERE happened_at >= :since";
        if (serviceId != null) {
            where += " AND service_id = :svc";
            params.put("svc", serviceId);
        }
        return changes(where, params, 100);
    }

    private List<ChangeEventView> changes(String where, Map<String, Object> params, int limit) {
        return jdbc.sql("SELECT * FROM alert_change_event " + where + " ORDER BY happened_at DESC, id DESC LIMIT "
                + limit).params(params)
                .query((rs, n) -> {
                    long sid = rs.getLong("service_id");
                    Long serviceId = rs.wasNull() ? null : sid;
                    return new ChangeEventView(rs.getLong("id"), rs.getLong("integration_id"), rs.getString("summary"),
                            rs.getString("source"), instant(rs, "happened_at"), serviceId,
                            Json.links(rs.getString("links")), rs.getString("custom_details"));
                }).list();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant i) {
        // Truncated to the database's microsecond precision, so a stored instant reads back unchanged.
        return i == null ? null : i.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
