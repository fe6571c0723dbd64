package io.firebreak.probe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.probe.ProbeManagement;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
class ProbeApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired CatalogManagement catalog;
    @Autowired ProbeManagement probes;
    @Autowired AuditManagement audit;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private ServiceView service() {
        return catalog.create(new ServiceDefinition(unique("probe-svc"), null, null, false, 2, List.of()), "test");
    }

    static Map<String, Object> http(String name, long serviceId) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("type", "HTTP");
        body.put("serviceId", serviceId);
        body.put("levelCode", "P2");
        body.put("url", "http://localhost:9/health");
        body.put("intervalSeconds", 30);
        return body;
    }

    @Test
    void everyoneReadsOnlyAdminsChange() {
        ServiceView svc = service();
        String admin = users.tokenFor(Role.ADMIN);
        var created = api.post("/api/v1/probes", admin, http(unique("read"), svc.id()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        for (Role role : Role.values()) {
            String token = users.tokenFor(role);
            assertThat(api.get("/api/v1/probes", token).raw()).as(role.name()).contains("\"id\":" + id);
            assertThat(api.get("/api/v1/probes/" + id, token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/probes/" + id + "/history", token).status()).isEqualTo(200);
            if (role != Role.ADMIN) {
                assertThat(api.post("/api/v1/probes", token, http("x", svc.id())).status()).as(role.name())
                        .isEqualTo(403);
                assertThat(api.put("/api/v1/probes/" + id, token, http("x", svc.id())).status()).isEqualTo(403);
                assertThat(api.delete("/api/v1/probes/" + id, token).status()).isEqualTo(403);
            }
        }
        assertThat(api.get("/api/v1/probes", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/probes", null, http("x", svc.id())).status()).isEqualTo(401);
        assertThat(probes.get(id).name()).isNotEqualTo("x");
    }

    @Test
    void adminCreatesUpdatesAndDeletesWithAudit() {
        ServiceView svc = service();
        String admin = users.tokenFor(Role.ADMIN);
        var body = http(unique("crud"), svc.id());
        var created = api.post("/api/v1/probes", admin, body).body();
        long id = created.get("id").asLong();
        assertThat(created.get("state").asString()).isEqualTo("UNKNOWN");
        assertThat(created.get("method").asString()).isEqualTo("GET");
        assertThat(created.get("expectedStatus").asString()).isEqualTo("2xx");
        assertThat(created.get("timeoutMs").asInt()).isEqualTo(5000);
        assertThat(created.get("failureThreshold").asInt()).isEqualTo(3);
        assertThat(created.get("successThreshold").asInt()).isEqualTo(2);
        assertThat(created.get("fingerprint").asString()).isEqualTo("probe:" + id);

        var tcp = new HashMap<String, Object>(Map.of("name", "db port", "type", "tcp", "serviceId", svc.id(),
                "levelCode", "P3", "host", "localhost", "port", 5432, "intervalSeconds", 10, "timeoutMs", 2000,
                "failureThreshold", 1, "successThreshold", 1));
        var updated = api.put("/api/v1/probes/" + id, admin, tcp);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("type").asString()).isEqualTo("TCP");
        assertThat(updated.body().get("host").asString() + ":" + updated.body().get("port").asInt()).isEqualTo("localhost:5432");
        assertThat(updated.body().has("url")).isFalse();

        assertThat(api.delete("/api/v1/probes/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/probes/" + id, admin).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/probes/" + id, admin, tcp).status()).isEqualTo(404);
        var entries = audit.list("probe", new PageRequest(0, 200)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(id))).toList();
        assertThat(entries).extracting(e -> e.action()).containsExactlyInAnyOrder("created", "updated", "deleted");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ServiceView svc = service();
        String admin = users.tokenFor(Role.ADMIN);
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("name", new Object[] { "name", " " });
        cases.put("type", new Object[] { "type", "ICMP" });
        cases.put("serviceId", new Object[] { "serviceId", 987654321L });
        cases.put("levelCode", new Object[] { "levelCode", "P9" });
        cases.put("url", new Object[] { "url", "ftp://example.com/" });
        cases.put("url2", new Object[] { "url", "not a url" });
        cases.put("method", new Object[] { "method", "POST" });
        cases.put("expectedStatus", new Object[] { "expectedStatus", "2xx,999" });
        cases.put("intervalSeconds", new Object[] { "intervalSeconds", 5 });
        cases.put("timeoutMs", new Object[] { "timeoutMs", 30000 });
        cases.put("failureThreshold", new Object[] { "failureThreshold", 0 });
        cases.put("successThreshold", new Object[] { "successThreshold", 101 });
        cases.put("latencyLimitMs", new Object[] { "latencyLimitMs", -1 });
        cases.put("bodyContains", new Object[] { "bodyContains", "x".repeat(501) });
        for (var c : cases.entrySet()) {
            var body = http(unique("bad"), svc.id());
            body.put((String) c.getValue()[0], c.getValue()[1]);
            var res = api.post("/api/v1/probes", admin, body);
            assertThat(res.status()).as(c.getKey() + " " + res.raw()).isEqualTo(400);
            assertThat(res.raw()).as(c.getKey()).contains((String) c.getValue()[0]);
        }
        var wrongType = http(unique("bad"), svc.id());
        wrongType.put("port", "eighty");
        assertThat(api.post("/api/v1/probes", admin, wrongType).status()).isEqualTo(400);
        var tcp = new HashMap<String, Object>(Map.of("name", "t", "type", "TCP", "serviceId", svc.id(),
                "levelCode", "P2", "host", "localhost"));
        var noPort = api.post("/api/v1/probes", admin, tcp);
        assertThat(noPort.status()).isEqualTo(400);
        assertThat(noPort.raw()).contains("port");
        tcp.put("port", 70000);
        assertThat(api.post("/api/v1/probes", admin, tcp).raw()).contains("port");
        tcp.put("port", 80);
        tcp.put("host", "bad host!");
        assertThat(api.post("/api/v1/probes", admin, tcp).raw()).contains("host");
        assertThat(api.post("/api/v1/probes", admin, null).status()).isEqualTo(400);
    }

    @Test
    void pagesListDetailAndAdminForm() {
        ServiceView svc = service();
        UserView viewerUser = users.create(Role.VIEWER);
        WebSession viewer = new WebSession(api.baseUrl()).login(viewerUser.username(), TestUsers.PASSWORD);
        UserView adminUser = users.create(Role.ADMIN);
        WebSession admin = new WebSession(api.baseUrl()).login(adminUser.username(), TestUsers.PASSWORD);

        String name = unique("<b>page</b>");
        var form = new HashMap<String, Object>(Map.of("name", name, "type", "HTTP", "serviceId", svc.id(),
                "levelCode", "P2", "url", "http://localhost:9/", "method", "GET", "expectedStatus", "2xx",
                "timeoutMs", "1000", "intervalSeconds", "9", "failureThreshold", "3"));
        form.put("successThreshold", "2");
        form.put("enabled", "on");
        var refused = admin.post("/probes", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Enter 10 to 86400 seconds.");
        form.put("intervalSeconds", "10");
        var created = admin.post("/probes", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = probes.list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
        assertThat(created.location()).endsWith("/probes/" + id);

        var list = viewer.get("/probes");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("&lt;b&gt;page&lt;/b&gt;").doesNotContain("<b>page</b>")
                .contains("Not run yet").doesNotContain("Add a health check");
        var detail = viewer.get("/probes/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("probe:" + id).contains("No runs yet.").doesNotContain("Edit this health check");
        assertThat(viewer.get("/probes/" + id + "?lang=zh-CN").body()).contains("健康检查").contains("尚未运行");
        assertThat(viewer.post("/probes", form).status()).isEqualTo(403);
        assertThat(viewer.post("/probes/" + id, form).status()).isEqualTo(403);
        assertThat(viewer.post("/probes/" + id + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(admin.get("/probes/" + id).body()).contains("Edit this health check");

        form.put("type", "TCP");
        form.put("host", "localhost");
        form.put("port", "http");
        assertThat(admin.post("/probes/" + id, form).body()).contains("Enter a port between 1 and 65535.");
        form.put("port", "6379");
        assertThat(admin.post("/probes/" + id, form).status()).isEqualTo(302);
        assertThat(probes.get(id).target()).isEqualTo("localhost:6379");
        assertThat(admin.post("/probes/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/probes/" + id).status()).isEqualTo(404);
    }
}
