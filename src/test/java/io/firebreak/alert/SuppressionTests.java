package io.firebreak.alert;

import static io.firebreak.alert.AlertTestSupport.alertsOf;
import static io.firebreak.alert.AlertTestSupport.feedOf;
import static io.firebreak.alert.AlertTestSupport.integration;
import static io.firebreak.alert.AlertTestSupport.post;
import static io.firebreak.alert.AlertTestSupport.unique;
import static io.firebreak.alert.AlertTestSupport.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;

@FirebreakTest
class SuppressionTests {

    @Autowired ApiClient api;
    @Autowired AlertManagement alerts;
    @Autowired CatalogManagement catalog;
    @Autowired MutableClock clock;

    @Test
    void matchersCompareLabelsLikeAlertmanager() {
        Map<String, String> labels = Map.of("alertname", "HighLatency", "env", "prod");
        assertThat(new LabelMatcher("env", MatchOp.EQ, "prod").matches(labels)).isTrue();
        assertThat(new LabelMatcher("env", MatchOp.NE, "prod").matches(labels)).isFalse();
        assertThat(new LabelMatcher("alertname", MatchOp.RE, "High.*").matches(labels)).isTrue();
        assertThat(new LabelMatcher("alertname", MatchOp.RE, "High").matches(labels)).isFalse();
        assertThat(new LabelMatcher("alertname", MatchOp.NRE, "Low.*").matches(labels)).isTrue();
        assertThat(new LabelMatcher("missing", MatchOp.EQ, "").matches(labels)).isTrue();
        assertThat(MatchOp.parse("=~")).isEqualTo(MatchOp.RE);
        assertThat(MatchOp.parse("!~")).isEqualTo(MatchOp.NRE);
    }

    @Test
    void silencedAlertsAreStoredFlaggedAndStillFed() {
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        String team = unique("team");
        var silence = alerts.createSilence(new SilenceDefinition(List.of(
                new LabelMatcher("team", MatchOp.EQ, team), new LabelMatcher("alertname", MatchOp.RE, "Disk.*"),
                new LabelMatcher("env", MatchOp.NE, "prod"), new LabelMatcher("instance", MatchOp.NRE, "db-.*")),
                null, clock.instant().plus(Duration.ofHours(1)), "deploying"), "test");
        assertThat(silence.active()).isTrue();
        long head = alerts.feedHead();
        String extra = ", \"team\": \"" + team + "\"";
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("firing", unique("s"), "DiskFull", extra));
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("firing", unique("n"), "HighLatency", extra));
        var stored = alertsOf(alerts, integ.integration().id());
        AlertView silenced = stored.stream().filter(a -> a.labels().get("alertname").equals("DiskFull")).findFirst().orElseThrow();
        AlertView open = stored.stream().filter(a -> a.labels().get("alertname").equals("HighLatency")).findFirst().orElseThrow();
        assertThat(silenced.suppression()).isEqualTo(Suppression.SILENCED);
        assertThat(open.suppression()).isNull();
        assertThat(feedOf(alerts, head, silenced.id())).singleElement()
                .satisfies(e -> assertThat(e.alert().suppression()).isEqualTo(Suppression.SILENCED));

        alerts.expireSilence(silence.id(), "test");
        assertThat(alerts.silences(false)).noneMatch(s -> s.id() == silence.id());
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("resolved", silenced.fingerprint(), "DiskFull", extra));
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("firing", silenced.fingerprint(), "DiskFull", extra));
        assertThat(alerts.get(silenced.id()).suppression()).isNull();

        assertThatThrownBy(() -> alerts.createSilence(new SilenceDefinition(
                List.of(new LabelMatcher("a", MatchOp.RE, "(")), null, clock.instant().plusSeconds(60), "x"), "test"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void maintenanceWindowsAndTheGlobalSwitchSuppressAlerts() {
        var svc = catalog.create(new ServiceDefinition(unique("svc"), null, null, false, 2, List.of()), "test");
        var integ = integration(alerts, AlertSource.ALERTMANAGER, svc.id(), null);
        var window = alerts.createMaintenanceWindow(new MaintenanceWindowDefinition(svc.id(), null,
                clock.instant().plus(Duration.ofHours(2)), "database upgrade"), "test");
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager", webhook("firing", unique("m"), "A", null));
        AlertView a = alertsOf(alerts, integ.integration().id()).get(0);
        assertThat(a.serviceId()).isEqualTo(svc.id());
        assertThat(a.suppression()).isEqualTo(Suppression.MAINTENANCE);
        alerts.endMaintenanceWindow(window.id(), "test");

        var other = integration(alerts, AlertSource.GENERIC);
        try {
            assertThat(alerts.setGlobalMaintenance(true, "datacenter move", "test").enabled()).isTrue();
            assertThat(alerts.globalMaintenance().changedBy()).isEqualTo("test");
            var res = post(api, "/api/v1/integrations/" + other.key() + "/events", "{\"title\":\"x\"}");
            assertThat(alerts.get(res.body().get("alertId").asLong()).suppression()).isEqualTo(Suppression.PANIC);
        } finally {
            alerts.setGlobalMaintenance(false, "done", "test");
        }
        var res = post(api, "/api/v1/integrations/" + other.key() + "/events", "{\"title\":\"y\"}");
        assertThat(alerts.get(res.body().get("alertId").asLong()).suppression()).isNull();
        assertThat(alerts.globalMaintenanceHistory(2)).extracting(GlobalMaintenance::enabled).containsExactly(false, true);
    }

    @Test
    void serviceIsFoundByLabelWhenTheIntegrationHasNoFixedService() {
        var svc = catalog.create(new ServiceDefinition(unique("Checkout"), null, null, false, 2, List.of()), "test");
        var integ = integration(alerts, AlertSource.ALERTMANAGER);
        post(api, "/api/v1/integrations/" + integ.key() + "/alertmanager",
                webhook("firing", unique("l"), "A", ", \"service\": \"" + svc.name().toLowerCase() + "\""));
        assertThat(alertsOf(alerts, integ.integration().id()).get(0).serviceId()).isEqualTo(svc.id());
    }

    @Test
    void healthChecksRaiseAlertsThroughTheBuiltInIntegration() {
        String fp = unique("probe");
        long head = alerts.feedHead();
        AlertView fired = alerts.raise(new InternalAlert(fp, "HTTP check failed", "503 from /health",
                AlertStatus.FIRING, Map.of("check", "web"), null, "P2"));
        assertThat(fired.source()).isEqualTo(AlertSource.PROBE);
        assertThat(fired.levelCode()).isEqualTo("P2");
        AlertView again = alerts.raise(new InternalAlert(fp, "HTTP check failed", null, AlertStatus.FIRING,
                Map.of("check", "web"), null, "P2"));
        assertThat(again.id()).isEqualTo(fired.id());
        AlertView resolved = alerts.raise(new InternalAlert(fp, "HTTP check failed", null, AlertStatus.RESOLVED,
                Map.of("check", "web"), null, "P2"));
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(feedOf(alerts, head, fired.id())).extracting(AlertFeedEntry::kind)
                .containsExactly(TransitionKind.FIRED, TransitionKind.RESOLVED);
        assertThat(alerts.integration(fired.integrationId()).type()).isEqualTo(AlertSource.PROBE);
        // Feed entries come in strictly increasing seq order.
        var feed = alerts.feedAfter(head, 1000);
        for (int i = 1; i < feed.size(); i++) {
            assertThat(feed.get(i).seq()).isGreaterThan(feed.get(i - 1).seq());
        }
    }
}
