package io.firebreak.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertStatus;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.identity.AuditManagement;
import io.firebreak.probe.internal.AddressGuard;
import io.firebreak.probe.internal.ExpectedStatus;
import io.firebreak.probe.internal.ProbeRepository;
import io.firebreak.probe.internal.ProbeWorker;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The probe module's facade: audited upkeep of health checks, their state and history, and a
 * pass over the due checks. Every definition is validated field by field
 * ({@link InvalidInputException} naming the field).
 */
@Service
public class ProbeManagement {

    private static final Logger log = LoggerFactory.getLogger(ProbeManagement.class);
    public static final int MIN_INTERVAL_SECONDS = 10;
    public static final int MAX_INTERVAL_SECONDS = 86_400;
    public static final int MAX_TIMEOUT_MS = 60_000;

    private final ProbeRepository repository;
    private final ProbeWorker worker;
    private final CatalogManagement catalog;
    private final SeverityManagement severity;
    private final AuditManagement audit;
    private final AlertManagement alerts;
    private final AddressGuard guard;
    private final Clock clock;

    ProbeManagement(ProbeRepository repository, ProbeWorker worker, CatalogManagement catalog,
            SeverityManagement severity, AuditManagement audit, AlertManagement alerts, AddressGuard guard,
            Clock clock) {
        this.guard = guard;
        this.repository = repository;
        this.worker = worker;
        this.catalog = catalog;
        this.severity = severity;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProbeView> list() {
        return repository.list();
    }

    /** Returns the check or throws {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public ProbeView get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("No health check with id " + id));
    }

    /** The newest results of a check, newest first (at most {@code limit}, at most 500 are kept). */
    @Transactional(readOnly = true)
    public List<ProbeResult> history(long id, int limit) {
        get(id);
        return repository.history(id, Math.max(1, Math.min(limit, ProbeRepository.HISTORY_KEPT)));
    }

    /** Creates a check, due at once. */
    @Transactional
    public ProbeView create(ProbeDefinition definition, String actor) {
        var row = validate(definition);
        long id = repository.insert(row, clock.instant().truncatedTo(ChronoUnit.MICROS));
        ProbeView created = get(id);
        audit.record(actor, "probe", String.valueOf(id), "created", null, created);
        return created;
    }

    /** Replaces a check's definition; it runs again at once. */
    @Transactional
    public ProbeView update(long id, ProbeDefinition definition, String actor) {
        ProbeView before = repository.lock(id).orElseThrow(() -> new NotFoundException("No health check with id " + id));
        var row = validate(definition);
        repository.update(id, row, clock.instant().truncatedTo(ChronoUnit.MICROS));
        ProbeView after = get(id);
        audit.record(actor, "probe", String.valueOf(id), "updated", before, after);
        return after;
    }

    /** Deletes a check and its history; a firing alert of it is resolved. */
    @Transactional
    public void delete(long id, String actor) {
        ProbeView before = repository.lock(id).orElseThrow(() -> new NotFoundException("No health check with id " + id));
        repository.delete(id);
        audit.record(actor, "probe", String.valueOf(id), "deleted", before, null);
        if (before.alerting()) {
            resolveQuietly(before);
        }
    }

    /** Runs the due checks this instance claims; returns their ids. Normally called by the scheduler. */
    public List<Long> runDue() {
        return worker.runDue();
    }

    /** Deletes the checks of a deleted service (called on {@code ServiceDeleted}). */
    @Transactional
    public void deleteChecksOfService(long serviceId) {
        for (long id : repository.idsOfService(serviceId)) {
            delete(id, "system");
        }
    }

    private void resolveQuietly(ProbeView p) {
        try {
            alerts.raise(ProbeWorker.alertOf(p, AlertStatus.RESOLVED, null));
        } catch (RuntimeException e) {
            log.warn("Health check {} deleted; its alert could not be resolved", p.id(), e);
        }
    }

    private ProbeRepository.Row validate(ProbeDefinition d) {
        if (d == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        ProbeType type;
        try {
            type = ProbeType.valueOf(d.type() == null ? "" : d.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "must be HTTP or TCP");
        }
        if (d.serviceId() == null) {
            throw new InvalidInputException("serviceId", "is required");
        }
        if (catalog.find(d.serviceId()).isEmpty()) {
            throw new InvalidInputException("serviceId", "no service with id " + d.serviceId());
        }
        if (d.levelCode() == null || d.levelCode().isBlank()) {
            throw new InvalidInputException("levelCode", "is required");
        }
        String level = severity.level(d.levelCode().strip(), "levelCode").code();
        int timeout = range(d.timeoutMs(), 5_000, 100, MAX_TIMEOUT_MS, "timeoutMs");
        int interval = range(d.intervalSeconds(), 60, MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, "intervalSeconds");
        if (timeout >= interval * 1000L) {
            throw new InvalidInputException("timeoutMs", "must be shorter than the interval");
        }
        int failures = range(d.failureThreshold(), 3, 1, 100, "failureThreshold");
        int successes = range(d.successThreshold(), 2, 1, 100, "successThreshold");
        boolean enabled = d.enabled() == null || d.enabled();
        String name = d.name().strip();
        if (type == ProbeType.TCP) {
            String host = blankToNull(d.host());
            if (host == null || host.length() > 255 || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
                throw new InvalidInputException("host", "must be a host name or IP address");
            }
            host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            refuseLiteralPrivate(host, "host");
            int port = range(d.port(), null, 1, 65_535, "port");
            return new ProbeRepository.Row(name, type, d.serviceId(), level, null, null, null, null, null, host, port,
                    timeout, interval, failures, successes, enabled);
        }
        String url = blankToNull(d.url());
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || url.length() > 2000 || uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "must be an absolute http:// or https:// URL with a host");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        refuseLiteralPrivate(host, "url");
        String method = d.method() == null || d.method().isBlank() ? "GET" : d.method().strip().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new InvalidInputException("method", "must be GET or HEAD");
        }
        String expected;
        try {
            expected = ExpectedStatus.parse(d.expectedStatus()).text();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("expectedStatus", e.getMessage());
        }
        if (expected.length() > 100) {
            throw new InvalidInputException("expectedStatus", "is too long");
        }
        String body = d.bodyContains() == null || d.bodyContains().isEmpty() ? null : d.bodyContains();
        if (body != null && body.length() > 500) {
            throw new InvalidInputException("bodyContains", "must be at most 500 characters");
        }
        if (body != null && method.equals("HEAD")) {
            throw new InvalidInputException("bodyContains", "a HEAD request has no body to search");
        }
        Integer latency = d.latencyLimitMs() == null ? null
                : range(d.latencyLimitMs(), null, 1, MAX_TIMEOUT_MS, "latencyLimitMs");
        return new ProbeRepository.Row(name, type, d.serviceId(), level, url, method, expected, body, latency, null,
                null, timeout, interval, failures, successes, enabled);
    }

    /** A literal non-public IP is refused at once (host names are checked when the probe runs). */
    private void refuseLiteralPrivate(String host, String field) {
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return;
        }
        try {
            InetAddress a = InetAddress.getByName(host); // a literal: no DNS look-up
            if (!AddressGuard.isPublic(a) && !allowPrivate()) {
                throw new InvalidInputException(field, "is a loopback, link-local, private or metadata address "
                        + "(allowed only with firebreak.probe.allow-private=true)");
            }
        } catch (java.net.UnknownHostException e) {
            throw new InvalidInputException(field, "is not a valid address");
        }
    }

    private boolean allowPrivate() {
        return guard.allowsPrivate();
    }

    private static Integer range(Integer value, Integer dflt, int min, int max, String field) {
        Integer v = value == null ? dflt : value;
        if (v == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (v < min || v > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
