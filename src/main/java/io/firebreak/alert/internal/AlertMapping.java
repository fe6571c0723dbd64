package io.firebreak.alert.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.firebreak.alert.IntegrationDefaults;
import io.firebreak.alert.IntegrationView;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceView;

/**
 * An integration's mapping of an alert onto Firebreak: severity value to level code (case
 * insensitive; unknown or missing → the integration's default level) and labels to a service (the
 * fixed service, else the value of the service label matched to a service name ignoring case).
 */
@Component
public class AlertMapping {

    private final CatalogManagement catalog;
    private volatile Map<String, Long> servicesByName = Map.of();
    private volatile long loadedAt;

    AlertMapping(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    public String level(IntegrationView integration, String severity) {
        if (severity != null) {
            String key = severity.trim().toLowerCase(Locale.ROOT);
            for (var e : integration.severityMapping().entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(key)) {
                    return e.getValue();
                }
            }
        }
        return integration.defaultLevel();
    }

    public Long service(IntegrationView integration, Map<String, String> labels) {
        if (integration.serviceId() != null) {
            return integration.serviceId();
        }
        String label = integration.serviceLabel() == null || integration.serviceLabel().isBlank()
                ? IntegrationDefaults.SERVICE_LABEL : integration.serviceLabel();
        String value = labels == null ? null : labels.get(label);
        if (value == null || value.isBlank()) {
            return null;
        }
        return Optional.ofNullable(services().get(value.trim().toLowerCase(Locale.ROOT))).orElse(null);
    }

    /** Service names are read at most every two seconds: ingestion asks for every alert. */
    private Map<String, Long> services() {
        long now = System.currentTimeMillis();
        if (now - loadedAt > 2000) {
            Map<String, Long> m = new java.util.HashMap<>();
            for (ServiceView s : catalog.list()) {
                m.put(s.name().toLowerCase(Locale.ROOT), s.id());
            }
            servicesByName = m;
            loadedAt = now;
        }
        return servicesByName;
    }
}
