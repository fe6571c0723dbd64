package io.firebreak.incident.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.InternalAlert;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.support.FirebreakTest;

/**
 * End to end through the real alert module: alerts stored by {@link AlertManagement} (the built-in
 * health-check integration) reach the feed and the grouping worker turns them into incidents.
 */
@FirebreakTest
class AlertToIncidentTests {

    @Autowired AlertManagement alerts;
    @Autowired IncidentManagement incidents;
    @Autowired GroupingWorker worker;
    @Autowired GroupingStore store;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private AlertView raise(String fingerprint, String title, AlertStatus status) {
        return alerts.raise(new InternalAlert(fingerprint, title, "checked by a probe", status,
                Map.of("alertname", "ProbeFailed", "probe", fingerprint), null, null));
    }

    /** Runs passes until one finds nothing (the scheduled worker may be running too). */
    private void drain() {
        while (worker.runOnce() > 0) {
            // next batch
        }
    }

    private IncidentView incidentOf(AlertView alert) {
        List<Long> ids = store.incidentsOf(alert.id(), false);
        assertThat(ids).as("incidents of " + alert.title()).hasSize(1);
        return incidents.get(String.valueOf(ids.get(0)));
    }

    @Test
    void firingOpensReSendingChangesNothingResolvingResolves() {
        String fp = unique("probe");
        AlertView alert = raise(fp, "Checkout health check failing", AlertStatus.FIRING);
        drain();
        IncidentView incident = incidentOf(alert);
        assertThat(incident.title()).isEqualTo("[FIRING:1] Checkout health check failing");
        assertThat(incident.status()).isEqualTo(IncidentStatus.DETECTED);
        assertThat(incident.stages().get(0).by()).isEqualTo("alert:" + alerts.probeIntegration().name());
        assertThat(incidents.alertIdsOf(incident.number())).containsExactly(alert.id());

        long version = incidents.versionOf(incident.id());
        raise(fp, "Checkout health check failing", AlertStatus.FIRING);
        drain();
        assertThat(incidents.versionOf(incident.id())).as("re-sent firing alert").isEqualTo(version);

        raise(fp, "Checkout health check failing", AlertStatus.RESOLVED);
        drain();
        IncidentView resolved = incidents.get(incident.number());
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.title()).isEqualTo("[RESOLVED] Checkout health check failing");
        assertThat(incidents.alertsOf(incident.number())).singleElement()
                .satisfies(l -> assertThat(l.firing()).isFalse());
    }

    @Test
    void concurrentPassesProcessEachEntryOnce() throws Exception {
        List<AlertView> raised = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            raised.add(raise(unique("burst"), "Burst " + i, AlertStatus.FIRING));
        }
        CountDownLatch start = new CountDownLatch(1);
        var a = CompletableFuture.runAsync(() -> { await(start); drain(); });
        var b = CompletableFuture.runAsync(() -> { await(start); drain(); });
        start.countDown();
        a.get();
        b.get();
        for (AlertView alert : raised) {
            incidentOf(alert);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
