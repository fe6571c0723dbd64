package io.firebreak.alert.web;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.alert.AlertFilter;
import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.ChangeEventView;
import io.firebreak.alert.GlobalMaintenance;
import io.firebreak.alert.IntegrationDefinition;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.IssuedIntegration;
import io.firebreak.alert.MaintenanceWindowDefinition;
import io.firebreak.alert.MaintenanceWindowView;
import io.firebreak.alert.SilenceDefinition;
import io.firebreak.alert.SilenceView;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;

/**
 * The alert module's management API. Integrations: admins. Silences: responders create and expire.
 * Maintenance windows: admins. Global switch: commanders. Reads: viewers.
 */
@RestController
class AlertApiController {

    private final AlertManagement alerts;

    AlertApiController(AlertManagement alerts) {
        this.alerts = alerts;
    }

    // ---- integrations

    @GetMapping("/api/v1/integrations")
    @PreAuthorize("hasRole('ADMIN')")
    List<IntegrationView> integrations() {
        return alerts.integrations();
    }

    @GetMapping("/api/v1/integrations/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    IntegrationView integration(@PathVariable long id) {
        return alerts.integration(id);
    }

    @PostMapping("/api/v1/integrations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> create(Principal principal, @RequestBody(required = false) IntegrationDefinition body) {
        return issued(alerts.createIntegration(body, principal.getName()));
    }

    @PutMapping("/api/v1/integrations/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    IntegrationView update(Principal principal, @PathVariable long id,
            @RequestBody(required = false) IntegrationDefinition body) {
        return alerts.updateIntegration(id, body, principal.getName());
    }

    @DeleteMapping("/api/v1/integrations/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    IntegrationView revoke(Principal principal, @PathVariable long id) {
        return alerts.revokeIntegration(id, principal.getName());
    }

    @PostMapping("/api/v1/integrations/{id}/rotate-key")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> rotate(Principal principal, @PathVariable long id) {
        return issued(alerts.rotateKey(id, principal.getName()));
    }

    private static Map<String, Object> issued(IssuedIntegration issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("integration", issued.integration());
        body.put("key", issued.key());
        body.put("urls", IngestionUrls.of(issued.key()));
        return body;
    }

    // ---- silences

    @GetMapping("/api/v1/silences")
    List<SilenceView> silences(@RequestParam(defaultValue = "false") boolean expired) {
        return alerts.silences(expired);
    }

    @PostMapping("/api/v1/silences")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('RESPONDER')")
    SilenceView createSilence(Principal principal, @RequestBody(required = false) SilenceDefinition body) {
        return alerts.createSilence(body, principal.getName());
    }

    @DeleteMapping("/api/v1/silences/{id}")
    @PreAuthorize("hasRole('RESPONDER')")
    SilenceView expireSilence(Principal principal, @PathVariable long id) {
        return alerts.expireSilence(id, principal.getName());
    }

    // ---- maintenance

    @GetMapping("/api/v1/maintenance-windows")
    List<MaintenanceWindowView> windows(@RequestParam(defaultValue = "false") boolean past) {
        return alerts.maintenanceWindows(past);
    }

    @PostMapping("/api/v1/maintenance-windows")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    MaintenanceWindowView createWindow(Principal principal,
            @RequestBody(required = false) MaintenanceWindowDefinition body) {
        return alerts.createMaintenanceWindow(body, principal.getName());
    }

    @DeleteMapping("/api/v1/maintenance-windows/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    MaintenanceWindowView endWindow(Principal principal, @PathVariable long id) {
        return alerts.endMaintenanceWindow(id, principal.getName());
    }

    @GetMapping("/api/v1/maintenance/global")
    GlobalMaintenance global() {
        return alerts.globalMaintenance();
    }

    /** Body {enabled, reason}. */
    @PutMapping("/api/v1/maintenance/global")
    @PreAuthorize("hasRole('COMMANDER')")
    GlobalMaintenance setGlobal(Principal principal, @RequestBody(required = false) GlobalSwitchRequest body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidInputException("enabled", "is required");
        }
        return alerts.setGlobalMaintenance(body.enabled(), body.reason(), principal.getName());
    }

    record GlobalSwitchRequest(Boolean enabled, String reason) {
    }

    // ---- alerts and changes

    @GetMapping("/api/v1/alerts")
    PageResult<AlertView> alerts(@RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Boolean suppressed, @RequestParam(required = false) Long integration,
            @RequestParam(required = false) Long service, @RequestParam(required = false) List<String> label,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return alerts.search(new AlertFilter(status, suppressed, integration, service, labels(label), q),
                new PageRequest(page, size));
    }

    @GetMapping("/api/v1/alerts/{id}")
    Map<String, Object> alert(@PathVariable long id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert", alerts.get(id));
        body.put("payload", alerts.payload(id).orElse(null));
        return body;
    }

    @GetMapping("/api/v1/changes")
    List<ChangeEventView> changes(@RequestParam(required = false) Long service,
            @RequestParam(required = false) Instant since) {
        return alerts.recentChanges(service, since);
    }

    /** Parses repeated {@code label=name=value} parameters. */
    static Map<String, String> labels(List<String> params) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (params != null) {
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInputException("label", "must be name=value");
                }
                labels.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        return labels;
    }
}
