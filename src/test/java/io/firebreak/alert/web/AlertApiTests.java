package io.firebreak.alert.web;

import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static io.firebreak.alert.AlertTestSupport.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

@FirebreakTest
class AlertApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired AlertManagement alerts;
    @Autowired CatalogManagement catalog;
    @Autowired AuditManagement audit;
    @Autowired MutableClock clock;

    @Test
    void onlyAdminsManageIntegrationsAndTheKeyIsShownOnce() {
        Map<String, Object> body = Map.of("name", unique("prom"), "type", "ALERTMANAGER",
                "severityMapping", Map.of("critical", "P0", "warning", "P2"), "defaultLevel", "P3");
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            String token = users.tokenFor(role);
            assertThat(api.post("/api/v1/integrations", token, body).status()).as(role.name()).isEqualTo(403);
            assertThat(api.get("/api/v1/integrations", token).status()).as(role.name()).isEqualTo(403);
        }
        String admin = users.tokenFor(Role.ADMIN);
        var created = api.post("/api/v1/integrations", admin, body);
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asString();
        long id = created.body().get("integration").get("id").asLong();
        assertThat(created.body().get("urls").get("alertmanager").asString()).endsWith("/api/v1/integrations/" + key + "/alertmanager");
        assertThat(created.body().get("integration").get("keyPrefix").asString()).isEqualTo(key.substring(0, 12));
        var read = api.get("/api/v1/integrations/" + id, admin);
        assertThat(read.raw()).doesNotContain(key);
        assertThat(api.get("/api/v1/integrations", admin).raw()).doesNotContain(key);
        assertThat(read.body().get("severityMapping").get("critical").asString()).isEqualTo("P0");

        assertThat(post(api, "/api/v1/integrations/" + key + "/alertmanager", webhook("firing", unique("x"), "A", null))
                .status()).isEqualTo(200);
        var bad = api.post("/api/v1/integrations", admin, Map.of("name", "x", "type", "ALERTMANAGER", "defaultLevel", "P9"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("defaultLevel");
        assertThat(api.post("/api/v1/integrations", admin, Map.of("type", "ALERTMANAGER")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/integrations", admin, "{\"name\":\"x\",\"type\":\"NOPE\"}").status()).isEqualTo(400);

        var updated = api.put("/api/v1/integrations/" + id, admin, Map.of("name", "renamed " + key.substring(4, 10),
                "type", "ALERTMANAGER", "signingSecret", "a-long-secret"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("hasSigningSecret").asBoolean()).isTrue();
        assertThat(updated.raw()).doesNotContain("a-long-secret");

        var rotated = api.post("/api/v1/integrations/" + id + "/rotate-key", admin, "{}");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body().get("key").asString()).isNotEqualTo(key);
        assertThat(api.delete("/api/v1/integrations/" + id, admin).body().get("revokedAt").isNull()).isFalse();
        assertThat(audit.list("integration", new PageRequest(0, 50)).items())
                .anySatisfy(e -> assertThat(e.entityId()).isEqualTo(String.valueOf(id)));
        assertThat(api.get("/api/v1/integrations/999999999", admin).status()).isEqualTo(404);
    }

    @Test
    void respondersSilenceCommandersSwitchAdminsPlanMaintenanceViewersRead() {
        String viewer = users.tokenFor(Role.VIEWER);
        String responder = users.tokenFor(Role.RESPONDER);
        String commander = users.tokenFor(Role.COMMANDER);
        String admin = users.tokenFor(Role.ADMIN);
        Map<String, Object> silence = Map.of("matchers", List.of(Map.of("name", "alertname", "op", "=~", "value", "Disk.*")),
                "endsAt", clock.instant().plus(Duration.ofHours(1)).toString(), "comment", "noisy");
        assertThat(api.post("/api/v1/silences", viewer, silence).status()).isEqualTo(403);
        var created = api.post("/api/v1/silences", responder, silence);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("matchers").get(0).get("op").asString()).isEqualTo("=~");
        long sid = created.body().get("id").asLong();
        assertThat(api.get("/api/v1/silences", viewer).raw()).contains("\"id\":" + sid);
        assertThat(api.delete("/api/v1/silences/" + sid, viewer).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/silences/" + sid, responder).body().get("active").asBoolean()).isFalse();
        var badOp = api.post("/api/v1/silences", responder, Map.of("matchers",
                List.of(Map.of("name", "a", "op", "~~", "value", "b")), "endsAt",
                clock.instant().plus(Duration.ofHours(1)).toString(), "comment", "x"));
        assertThat(badOp.status()).isEqualTo(400);

        var svc = catalog.create(new ServiceDefinition(unique("mw"), null, null, false, 2, List.of()), "test");
        Map<String, Object> window = Map.of("serviceId", svc.id(), "endsAt",
                clock.instant().plus(Duration.ofHours(1)).toString(), "reason", "upgrade");
        assertThat(api.post("/api/v1/maintenance-windows", commander, window).status()).isEqualTo(403);
        var w = api.post("/api/v1/maintenance-windows", admin, window);
        assertThat(w.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/maintenance-windows", viewer).raw()).contains("\"id\":" + w.body().get("id").asLong());
        assertThat(api.delete("/api/v1/maintenance-windows/" + w.body().get("id").asLong(), admin).status()).isEqualTo(200);

        assertThat(api.put("/api/v1/maintenance/global", responder, Map.of("enabled", true, "reason", "x")).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/maintenance/global", commander, Map.of("enabled", false, "reason", "test")).status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/maintenance/global", commander, Map.of("enabled", false)).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/maintenance/global", viewer).body().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void viewersSearchAlertsAndReadPayloadAndChanges() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        String team = unique("t");
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager",
                webhook("firing", unique("v"), "SearchMe", ", \"team\": \"" + team + "\""));
        String viewer = users.tokenFor(Role.VIEWER);
        var page = api.get("/api/v1/alerts?status=FIRING&label=team=" + team, viewer);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("total").asLong()).isEqualTo(1);
        long id = page.body().get("items").get(0).get("id").asLong();
        var one = api.get("/api/v1/alerts/" + id, viewer);
        assertThat(one.body().get("payload").asString()).contains("SearchMe");
        assertThat(api.get("/api/v1/alerts?integration=" + integ.integration().id() + "&q=searchme", viewer)
                .body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/alerts?status=NOPE", viewer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/alerts/999999999", viewer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/changes", viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/alerts", null).status()).isEqualTo(401);
    }
}
