package io.firebreak.catalog;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/** The catalog module's facade: look-ups of monitored services for other modules, and their upkeep. */
@Service
public class CatalogManagement {

    private final JdbcClient jdbc;

    CatalogManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ServiceView> list() {
        return jdbc.sql("SELECT * FROM catalog_service ORDER BY LOWER(name)").query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<ServiceView> find(long id) {
        return jdbc.sql("SELECT * FROM catalog_service WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
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
        Map<Long, ServiceView> found = jdbc.sql("SELECT * FROM catalog_service WHERE id IN (:ids)")
                .param("ids", wanted).query((rs, n) -> map(rs)).list().stream()
                .collect(Collectors.toMap(ServiceView::id, Function.identity()));
        for (Long id : wanted) {
            if (!found.containsKey(id)) {
                throw new InvalidInputException(field, "no service with id " + id);
            }
        }
        return wanted.stream().map(found::get).toList();
    }

    private ServiceView map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        long owner = rs.getLong("owner_team_id");
        Long ownerTeam = rs.wasNull() ? null : owner;
        List<Long> deps = jdbc.sql("SELECT depends_on_id FROM catalog_dependency WHERE service_id = :id ORDER BY depends_on_id")
                .param("id", id).query(Long.class).list();
        return new ServiceView(id, rs.getString("name"), rs.getString("description"), ownerTeam,
                rs.getBoolean("core"), rs.getInt("tier"), deps);
    }
}
