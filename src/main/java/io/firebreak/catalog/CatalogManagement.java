package io.firebreak.catalog;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.TeamManagement;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The catalog module's facade: look-ups of monitored services for other modules, and their
 * audited upkeep. Names are unique ignoring case, owner teams must exist, and dependencies must
 * name existing services without ever forming a cycle.
 */
@Service
public class CatalogManagement {

    static final int MAX_DESCRIPTION = 2000;

    private final JdbcClient jdbc;
    private final TeamManagement teams;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogManagement(JdbcClient jdbc, TeamManagement teams, AuditManagement audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ServiceView> list() {
        return services("ORDER BY LOWER(name)", Map.of());
    }

    @Transactional(readOnly = true)
    public Optional<ServiceView> find(long id) {
        return services("WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Returns the service or throws {@link NotFoundException}. */
    public ServiceView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No service with id " + id));
    }

    /**
     * Returns the services with these ids in the given order, or throws
     * {@link InvalidInputException} on {@code field} naming the first unknown id.
     */
    @Transactional(readOnly = true)
    public List<ServiceView> getAll(Collection<Long> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        var wanted = new LinkedHashSet<>(ids);
        Map<Long, ServiceView> found = services("WHERE id IN (:ids)", Map.of("ids", wanted)).stream()
                .collect(Collectors.toMap(ServiceView::id, Function.identity()));
        for (Long id : wanted) {
            if (!found.containsKey(id)) {
                throw new InvalidInputException(field, "no service with id " + id);
            }
        }
        return wanted.stream().map(found::get).toList();
    }

    /** Creates a service after validating every field. */
    @Transactional
    public ServiceView create(ServiceDefinition definition, String actor) {
        lockCatalog();
        Valid v = validate(definition, null);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO catalog_service (name, description, owner_team_id, core, tier, created_at)
                    VALUES (:name, :description, :owner, :core, :tier, :now)
                    """)
                    .param("name", v.name()).param("description", v.description()).param("owner", v.ownerTeamId())
                    .param("core", v.core()).param("tier", v.tier())
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw duplicate(v.name());
        }
        long id = keys.getKey().longValue();
        writeDependencies(id, v.dependsOn());
        ServiceView created = get(id);
        audit.record(actor, "service", String.valueOf(id), "created", null, created);
        return created;
    }

    /** Replaces every field of a service, its dependencies included. */
    @Transactional
    public ServiceView update(long id, ServiceDefinition definition, String actor) {
        lockCatalog();
        ServiceView before = get(id);
        Valid v = validate(definition, id);
        try {
            jdbc.sql("""
                    UPDATE catalog_service SET name = :name, description = :description, owner_team_id = :owner,
                           core = :core, tier = :tier
                    WHERE id = :id
                    """)
                    .param("name", v.name()).param("description", v.description()).param("owner", v.ownerTeamId())
                    .param("core", v.core()).param("tier", v.tier()).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(v.name());
        }
        jdbc.sql("DELETE FROM catalog_dependency WHERE service_id = :id").param("id", id).update();
        writeDependencies(id, v.dependsOn());
        ServiceView after = get(id);
        if (!after.equals(before)) {
            audit.record(actor, "service", String.valueOf(id), "updated", before, after);
        }
        return after;
    }

    /**
     * Deletes a service. Refused with {@link ConflictException} while other services depend on it,
     * so no service silently loses a dependency.
     */
    @Transactional
    public void delete(long id, String actor) {
        lockCatalog();
        ServiceView before = get(id);
        List<String> dependents = jdbc.sql("""
                SELECT s.name FROM catalog_dependency d JOIN catalog_service s ON s.id = d.service_id
                WHERE d.depends_on_id = :id ORDER BY LOWER(s.name)
                """).param("id", id).query(String.class).list();
        if (!dependents.isEmpty()) {
            throw new ConflictException("Other services depend on " + before.name() + ": "
                    + String.join(", ", dependents) + ". Remove those dependencies first.");
        }
        jdbc.sql("DELETE FROM catalog_dependency WHERE service_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM catalog_service WHERE id = :id").param("id", id).update();
        audit.record(actor, "service", String.valueOf(id), "deleted", before, null);
        events.publishEvent(new ServiceDeleted(id, before.name()));
    }

    /** Services owned by a team that no longer exists lose their owner (the change is audited). */
    @Transactional
    void clearOwnerOf(long teamId) {
        List<ServiceView> owned = services("WHERE owner_team_id = :team", Map.of("team", teamId));
        for (ServiceView before : owned) {
            jdbc.sql("UPDATE catalog_service SET owner_team_id = NULL WHERE id = :id").param("id", before.id())
                    .update();
            audit.record("system", "service", String.valueOf(before.id()), "owner-team-deleted", before,
                    get(before.id()));
        }
    }

    /**
     * Serialises changes to the catalog: a cycle can close through several services at once, so
     * two concurrent changes must not both pass the cycle check against the old graph.
     */
    private void lockCatalog() {
        jdbc.sql("SELECT id FROM catalog_service ORDER BY id FOR UPDATE").query(Long.class).list();
    }

    private Valid validate(ServiceDefinition d, Long self) {
        if (d == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        String name = d.name().strip();
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (d.tier() == null || d.tier() < 1 || d.tier() > 4) {
            throw new InvalidInputException("tier", "must be 1, 2, 3 or 4");
        }
        if (d.ownerTeamId() != null && teams.find(d.ownerTeamId()).isEmpty()) {
            throw new InvalidInputException("ownerTeamId", "no team with id " + d.ownerTeamId());
        }
        jdbc.sql("SELECT id FROM catalog_service WHERE LOWER(name) = LOWER(:name)").param("name", name)
                .query(Long.class).optional().filter(other -> self == null || other.longValue() != self)
                .ifPresent(other -> {
                    throw duplicate(name);
                });
        List<Long> deps = new ArrayList<>(new LinkedHashSet<>(d.dependsOn() == null ? List.of() : d.dependsOn()));
        if (deps.contains(null)) {
            throw new InvalidInputException("dependsOn", "must not contain null");
        }
        if (self != null && deps.contains(self)) {
            throw new InvalidInputException("dependsOn", "a service cannot depend on itself");
        }
        getAll(deps, "dependsOn");
        if (self != null) {
            List<Long> cycle = cycleThrough(self, deps);
            if (!cycle.isEmpty()) {
                String path = cycle.stream().map(id -> get(id).name()).collect(Collectors.joining(" -> "));
                throw new InvalidInputException("dependsOn", "would create a dependency cycle: " + path);
            }
        }
        return new Valid(name, description, d.ownerTeamId(), Boolean.TRUE.equals(d.core()), d.tier(), deps);
    }

    /**
     * The path self -> ... -> self that the new dependencies would close, or an empty list. Only
     * paths leaving {@code self} through its new dependencies matter: every other edge is unchanged
     * and was acyclic already.
     */
    private List<Long> cycleThrough(long self, List<Long> newDeps) {
        Map<Long, List<Long>> edges = new HashMap<>();
        jdbc.sql("SELECT service_id, depends_on_id FROM catalog_dependency")
                .query((rs, n) -> edges.computeIfAbsent(rs.getLong("service_id"), k -> new ArrayList<>())
                        .add(rs.getLong("depends_on_id")))
                .list();
        edges.put(self, newDeps);
        Map<Long, Long> cameFrom = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        var queue = new ArrayDeque<Long>();
        queue.add(self);
        seen.add(self);
        while (!queue.isEmpty()) {
            long at = queue.poll();
            for (long next : edges.getOrDefault(at, List.of())) {
                if (next == self) {
                    List<Long> path = new ArrayList<>();
                    path.add(self);
                    for (Long p = at; p != self; p = cameFrom.get(p)) {
                        path.add(1, p);
                    }
                    path.add(self);
                    return path;
                }
                if (seen.add(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private void writeDependencies(long id, List<Long> deps) {
        for (Long dep : deps) {
            jdbc.sql("INSERT INTO catalog_dependency (service_id, depends_on_id) VALUES (:s, :d)")
                    .param("s", id).param("d", dep).update();
        }
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A service named " + name + " already exists.");
    }

    private record Valid(String name, String description, Long ownerTeamId, boolean core, int tier,
            List<Long> dependsOn) {
    }

    /**
     * The services matching {@code clause} (WHERE and/or ORDER BY), with their dependencies loaded
     * in one further query rather than one query per service.
     */
    private List<ServiceView> services(String clause, Map<String, ?> params) {
        record Row(long id, String name, String description, Long ownerTeam, boolean core, int tier) {
        }
        List<Row> rows = jdbc.sql("SELECT * FROM catalog_service " + clause).params(params).query((rs, n) -> {
            long owner = rs.getLong("owner_team_id");
            Long ownerTeam = rs.wasNull() ? null : owner;
            return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"), ownerTeam,
                    rs.getBoolean("core"), rs.getInt("tier"));
        }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> deps = new java.util.HashMap<>();
        jdbc.sql("SELECT service_id, depends_on_id FROM catalog_dependency WHERE service_id IN (:ids)"
                + " ORDER BY depends_on_id")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> deps
                        .computeIfAbsent(rs.getLong("service_id"), k -> new java.util.ArrayList<>())
                        .add(rs.getLong("depends_on_id")));
        return rows.stream().map(r -> new ServiceView(r.id(), r.name(), r.description(), r.ownerTeam(), r.core(),
                r.tier(), deps.getOrDefault(r.id(), List.of()))).toList();
    }
}
