package io.firebreak.alert.web;

import static io.firebreak.alert.AlertTestSupport.alertsOf;
import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.MatchOp;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.identity.Role;
import io.firebreak.identity.WebSession;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

@FirebreakTest
class AlertPagesTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired AlertManagement alerts;
    @Autowired CatalogManagement catalog;
    @Autowired MutableClock clock;

    private WebSession as(Role role) {
        return new WebSession(api.baseUrl()).login(users.create(role).username(), TestUsers.PASSWORD);
    }

    @Test
    void htmlAndScriptInLabelsAndAnnotationsAreShownAsText() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        String marker = unique("xss");
        String body = """
                {"version":"4","groupKey":"g","alerts":[{"status":"firing","fingerprint":"%s",
                 "labels":{"alertname":"<script>alert('%s')</script>","team":"<b>ops</b>"},
                 "annotations":{"summary":"<img src=x onerror=alert(1)> %s","description":"<i>d</i>"},
                 "generatorURL":"javascript:alert(1)"}]}""".formatted(marker, marker, marker);
        assertThat(post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", body).status()).isEqualTo(200);
        long id = alertsOf(alerts, integ.integration().id()).get(0).id();
        WebSession viewer = as(Role.VIEWER);
        var list = viewer.get("/alerts?q=" + marker);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("&lt;img src=x onerror=alert(1)&gt; " + marker)
                .contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert(").doesNotContain("<img src=x");
        var page = viewer.get("/alerts/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;b&gt;ops&lt;/b&gt;").contains("&lt;i&gt;d&lt;/i&gt;")
                .doesNotContain("<b>ops</b>").doesNotContain("href=\"javascript:").contains("<details");
        assertThat(viewer.get("/alerts?tab=resolved").status()).isEqualTo(200);
        assertThat(viewer.get("/alerts?tab=silenced&label=team=x").status()).isEqualTo(200);
        assertThat(viewer.get("/alerts/999999999").status()).isEqualTo(404);
    }

    @Test
    void adminsCreateIntegrationsAndSeeTheKeyOnceWithSnippets() {
        assertThat(as(Role.COMMANDER).get("/integrations").status()).isEqualTo(403);
        WebSession admin = as(Role.ADMIN);
        assertThat(admin.get("/integrations").status()).isEqualTo(200);
        String name = unique("ui-prom");
        var issued = admin.post("/integrations", Map.of("name", name, "type", "PROMETHEUS", "serviceLabel", "service",
                "defaultLevel", "P2"));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.body()).contains("alertmanagers:").contains("credentials: fbi_").contains("pagerduty_configs")
                .contains("/v2/enqueue").contains("webhook_configs").contains("curl -X POST").contains("X-Grafana-Alerting-Signature");
        var created = alerts.integrations().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        String list = admin.get("/integrations").body();
        assertThat(list).contains(name).contains(created.keyPrefix());
        // The full key appears on the issued page only.
        String key = issued.body().replaceAll("(?s).*credentials: (fbi_[A-Za-z0-9_-]+).*", "$1");
        assertThat(list).doesNotContain(key);
        assertThat(admin.post("/integrations/" + created.id() + "/revoke", Map.of()).status()).isEqualTo(302);
        assertThat(alerts.integration(created.id()).revokedAt()).isNotNull();
        var bad = admin.post("/integrations", Map.of("name", "", "type", "GENERIC"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("notice error");
    }

    @Test
    void respondersCreateAndExpireSilencesViewersOnlyRead() {
        String ends = LocalDateTime.ofInstant(clock.instant().plusSeconds(7200), ZoneOffset.UTC).withNano(0).toString();
        String comment = unique("quiet");
        WebSession viewer = as(Role.VIEWER);
        assertThat(viewer.get("/silences").status()).isEqualTo(200);
        assertThat(viewer.post("/silences", Map.of("matchers", "a = b", "endsAt", ends, "comment", comment)).status())
                .isEqualTo(403);
        WebSession responder = as(Role.RESPONDER);
        responder.get("/silences");
        var created = responder.post("/silences", Map.of("matchers", "alertname =~ Disk.*\nenv != prod",
                "endsAt", ends, "comment", comment));
        assertThat(created.status()).isEqualTo(302);
        var silence = alerts.silences(false).stream().filter(s -> s.comment().equals(comment)).findFirst().orElseThrow();
        assertThat(silence.matchers()).extracting(m -> m.op()).containsExactly(MatchOp.RE, MatchOp.NE);
        assertThat(responder.get("/silences").body()).contains(comment);
        assertThat(responder.post("/silences/" + silence.id() + "/expire", Map.of()).status()).isEqualTo(302);
        assertThat(alerts.silence(silence.id()).active()).isFalse();
        assertThat(responder.post("/silences", Map.of("matchers", "garbage", "endsAt", ends, "comment", "x")).body())
                .contains("notice error");
    }

    @Test
    void maintenancePageWindowsAndGlobalSwitchByRole() {
        var svc = catalog.create(new ServiceDefinition(unique("mpage"), null, null, false, 2, List.of()), "test");
        String ends = LocalDateTime.ofInstant(clock.instant().plusSeconds(7200), ZoneOffset.UTC).withNano(0).toString();
        WebSession viewer = as(Role.VIEWER);
        assertThat(viewer.get("/maintenance").status()).isEqualTo(200);
        assertThat(viewer.post("/maintenance/global", Map.of("enabled", "true", "reason", "x")).status()).isEqualTo(403);
        WebSession commander = as(Role.COMMANDER);
        commander.get("/maintenance");
        assertThat(commander.post("/maintenance/windows", Map.of("serviceId", svc.id(), "endsAt", ends, "reason", "r"))
                .status()).isEqualTo(403);
        assertThat(commander.post("/maintenance/global", Map.of("enabled", "false", "reason", "checked")).status())
                .isEqualTo(302);
        WebSession admin = as(Role.ADMIN);
        admin.get("/maintenance");
        String reason = unique("upgrade");
        assertThat(admin.post("/maintenance/windows", Map.of("serviceId", svc.id(), "endsAt", ends, "reason", reason))
                .status()).isEqualTo(302);
        assertThat(admin.get("/maintenance").body()).contains(reason).contains(svc.name());
        assertThat(viewer.get("/alerts/changes?service=" + svc.id()).body()).contains("No changes recorded.");
    }
}
