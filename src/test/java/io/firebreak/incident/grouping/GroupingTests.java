package io.firebreak.incident.grouping;

import static io.firebreak.alert.AlertStatus.FIRING;
import static io.firebreak.alert.AlertStatus.RESOLVED;
import static io.firebreak.alert.TransitionKind.ACKNOWLEDGED;
import static io.firebreak.alert.TransitionKind.FIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.firebreak.alert.AlertView;
import io.firebreak.alert.GroupingMode;
import io.firebreak.alert.GroupingPolicy;
import io.firebreak.alert.Suppression;
import io.firebreak.alert.TransitionKind;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.incident.AlertAttachment;
import io.firebreak.incident.IncidentAlertView;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.InhibitionRuleManagement;
import io.firebreak.incident.LabelMatcher;
import io.firebreak.incident.NewInhibitionRule;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.timeline.TimelineEntryView;
import io.firebreak.timeline.TimelineManagement;

/**
 * Grouping decisions against the real incident module and database, fed by an in-memory alert
 * feed with its own cursor: each policy mode, the window, flap control, the re-open cap,
 * inhibition, suppressed alerts, auto-resolve on and off, acknowledgement, and concurrent passes.
 */
@FirebreakTest
class GroupingTests {

    @Autowired IncidentManagement incidents;
    @Autowired InhibitionRuleManagement inhibition;
    @Autowired GroupingStore store;
    @Autowired SeverityManagement severity;
    @Autowired CatalogManagement catalog;
    @Autowired TimelineManagement timeline;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MutableClock clock;
    @Autowired io.firebreak.support.ApiClient api;
    @Autowired io.firebreak.support.TestUsers users;

    FakeFeed feed;
    GroupingWorker worker;

    @BeforeEach
    void setUp() {
        feed = new FakeFeed();
        worker = worker("test-" + UUID.randomUUID());
    }

    private GroupingWorker worker(String cursor) {
        store.ensureCursor(cursor);
        return new GroupingWorker(new AlertGrouper(feed, incidents, store, severity, catalog, clock), store, feed,
                transactions, clock, cursor, false, Duration.ZERO);
    }

    private static GroupingPolicy policy(GroupingMode mode, List<String> labels) {
        return FakeFeed.policy(mode, labels, Duration.ofHours(4), 1, Duration.ofMinutes(10), 3, true);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private AlertView firing(long integration, String groupKey, String title, Map<String, String> labels) {
        return FakeFeed.alert(FakeFeed.nextId(), integration, groupKey, title, labels, "P1", null, FIRING, null);
    }

    private static AlertView as(AlertView a, io.firebreak.alert.AlertStatus status) {
        return new AlertView(a.id(), a.integrationId(), a.integrationName(), a.source(), a.fingerprint(), a.groupKey(),
                a.title(), a.description(), status, a.severity(), a.levelCode(), a.serviceId(), a.labels(),
                a.annotations(), a.links(), a.startsAt(), a.endsAt(), a.firstSeenAt(), a.lastSeenAt(), a.resolvedAt(),
                a.fireCount(), a.suppression(), a.acknowledged());
    }

    private void send(TransitionKind kind, AlertView alert) {
        feed.add(kind, kind == TransitionKind.RESOLVED ? as(alert, RESOLVED) : alert);
        worker.runOnce();
    }

    private List<Long> incidentsOf(AlertView alert) {
        return store.incidentsOf(alert.id(), false);
    }

    private IncidentView incidentOf(AlertView alert) {
        List<Long> ids = incidentsOf(alert);
        assertThat(ids).as("incidents of alert " + alert.title()).isNotEmpty();
        return incidents.get(String.valueOf(ids.get(0)));
    }

    private List<TimelineEntryView> entries(IncidentView incident) {
        return timeline.entries(incident.id(), Locale.ENGLISH, ZoneOffset.UTC);
    }

    @Test
    void alertsOfOneGroupMakeOneIncidentWithCountTitleAndTimeline() {
        long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        String group = unique("{}:{alertname=\"HighErrorRate\"}");
        AlertView a = firing(integration, group, "HighErrorRate checkout", Map.of("alertname", "HighErrorRate"));
        AlertView b = firing(integration, group, "HighErrorRate payments", Map.of("alertname", "HighErrorRate"));
        AlertView c = firing(integration, group, "HighErrorRate cart", Map.of("alertname", "HighErrorRate"));
        send(FIRED, a);
        send(FIRED, b);
        send(FIRED, c);
        IncidentView incident = incidentOf(a);
        assertThat(incidentOf(b).id()).isEqualTo(incident.id());
        assertThat(incidentOf(c).id()).isEqualTo(incident.id());
        assertThat(incident.title()).isEqualTo("[FIRING:3] HighErrorRate checkout");
        assertThat(incident.levelCode()).isEqualTo("P1");
        assertThat(incident.levelConfirmed()).isFalse();
        assertThat(incident.status()).isEqualTo(IncidentStatus.DETECTED);
        assertThat(incidents.alertIdsOf(incident.number())).containsExactly(a.id(), b.id(), c.id());
        assertThat(incidents.alertsOf(incident.number())).extracting(IncidentAlertView::how)
                .containsExactly(AlertAttachment.OPENED, AlertAttachment.JOINED, AlertAttachment.JOINED);
        List<TimelineEntryView> entries = entries(incident);
        assertThat(entries).extracting(TimelineEntryView::actor).contains("alert:" + feed.integration(integration).name());
        assertThat(entries).extracting(TimelineEntryView::text)
                .contains("Opened by alert HighErrorRate checkout",
                        "Alert HighErrorRate payments joined (2 of 2 alerts firing)",
                        "Alert HighErrorRate cart joined (3 of 3 alerts firing)");

        assertThat(timeline.entries(incident.id(), Locale.SIMPLIFIED_CHINESE, ZoneOffset.UTC))
                .extracting(TimelineEntryView::text)
                .contains("由告警 HighErrorRate checkout 创建", "告警 HighErrorRate cart 并入本事件（3 条告警中 3 条触发中）");

        // The same transition delivered again changes nothing.
        long version = incidents.versionOf(incident.id());
        send(FIRED, b);
        assertThat(incidents.versionOf(incident.id())).isEqualTo(version);
        assertThat(entries(incident)).hasSize(entries.size());
    }

    @Test
    void aStormOfJoinsIsAppliedInBulkWithTheEffectsOfOneByOne() {
        long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        String group = unique("{}:{alertname=\"Storm\"}");
        AlertView a = firing(integration, group, "Storm a", Map.of("alertname", "Storm"));
        AlertView b = firing(integration, group, "Storm b", Map.of("alertname", "Storm"));
        AlertView c = firing(integration, group, "Storm c", Map.of("alertname", "Storm"));
        AlertView d = firing(integration, group, "Storm d", Map.of("alertname", "Storm"));
        AlertView e = firing(integration, group, "Storm e", Map.of("alertname", "Storm"));
        send(FIRED, a);
        IncidentView incident = incidentOf(a);
        long version = incidents.versionOf(incident.id());

        // One pass: three joins in bulk (one write of the incident), then b again, which changes nothing.
        feed.add(FIRED, b);
        feed.add(FIRED, c);
        feed.add(FIRED, d);
        feed.add(FIRED, b);
        worker.runOnce();
        assertThat(incidents.versionOf(incident.id())).isEqualTo(version + 1);
        send(TransitionKind.RESOLVED, c);
        // Fired again and a new one, in bulk too.
        feed.add(FIRED, c);
        feed.add(FIRED, e);
        worker.runOnce();

        IncidentView after = incidents.get(String.valueOf(incident.id()));
        assertThat(after.title()).isEqualTo("[FIRING:5] Storm a");
        assertThat(incidents.alertIdsOf(incident.number())).containsExactly(a.id(), b.id(), c.id(), d.id(), e.id());
        assertThat(incidents.alertsOf(incident.number())).allMatch(IncidentAlertView::firing);
        assertThat(entries(after)).extracting(TimelineEntryView::text).containsSubsequence(
                "Opened by alert Storm a",
                "Alert Storm b joined (2 of 2 alerts firing)",
                "Alert Storm c joined (3 of 3 alerts firing)",
                "Alert Storm d joined (4 of 4 alerts firing)",
                "Alert Storm c resolved (3 of 4 alerts still firing)",
                "Alert Storm c fired again (4 of 4 alerts firing)",
                "Alert Storm e joined (5 of 5 alerts firing)");
        assertThat(entries(after)).filteredOn(t -> t.text().startsWith("Alert Storm b joined")).hasSize(1);
        // The tally kept by grouping agrees with the links.
        assertThat(store.tally(incident.id(), 0, 0)).containsExactly(5, 5);
    }

    @Test
    void withoutGroupKeyEachAlertIsItsOwnGroup() {
        long integration = feed.integration(unique("pd"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        AlertView a = firing(integration, null, "Disk full db1", Map.of());
        AlertView b = firing(integration, null, "Disk full db2", Map.of());
        send(FIRED, a);
        send(FIRED, b);
        assertThat(incidentOf(a).id()).isNotEqualTo(incidentOf(b).id());
    }

    @Test
    void serviceAndAlertnameGroupsByBoth() {
        long integration = feed.integration(unique("prom"), policy(GroupingMode.SERVICE_AND_ALERTNAME, List.of()), "P2");
        long service = catalog.create(new ServiceDefinition(unique("svc"), null, null, false, 2, List.of()), "test").id();
        AlertView a = FakeFeed.alert(FakeFeed.nextId(), integration, null, "Latency high on a",
                Map.of("alertname", "Latency", "instance", "a"), null, service, FIRING, null);
        AlertView b = FakeFeed.alert(FakeFeed.nextId(), integration, null, "Latency high on b",
                Map.of("alertname", "Latency", "instance", "b"), null, service, FIRING, null);
        AlertView c = FakeFeed.alert(FakeFeed.nextId(), integration, null, "Errors on a",
                Map.of("alertname", "Errors", "instance", "a"), null, service, FIRING, null);
        send(FIRED, a);
        send(FIRED, b);
        send(FIRED, c);
        IncidentView first = incidentOf(a);
        assertThat(incidentOf(b).id()).isEqualTo(first.id());
        assertThat(incidentOf(c).id()).isNotEqualTo(first.id());
        assertThat(first.levelCode()).as("integration default level").isEqualTo("P2");
        assertThat(first.services()).extracting(s -> s.id()).containsExactly(service);
    }

    @Test
    void labelsModeGroupsByTheChosenLabelsAndUnknownLevelFallsBackToTheLeastSevere() {
        long integration = feed.integration(unique("graf"), policy(GroupingMode.LABELS, List.of("cluster", "team")),
                "NOPE");
        String cluster = unique("eu");
        AlertView a = FakeFeed.alert(FakeFeed.nextId(), integration, null, "CPU", Map.of("cluster", cluster,
                "team", "core", "alertname", "CPU"), "X9", null, FIRING, null);
        AlertView b = FakeFeed.alert(FakeFeed.nextId(), integration, null, "Memory", Map.of("cluster", cluster,
                "team", "core", "alertname", "Memory"), null, null, FIRING, null);
        AlertView c = FakeFeed.alert(FakeFeed.nextId(), integration, null, "CPU", Map.of("cluster", cluster,
                "team", "web", "alertname", "CPU"), null, null, FIRING, null);
        send(FIRED, a);
        send(FIRED, b);
        send(FIRED, c);
        assertThat(incidentOf(b).id()).isEqualTo(incidentOf(a).id());
        assertThat(incidentOf(c).id()).isNotEqualTo(incidentOf(a).id());
        int lowest = severity.activeScheme().levels().stream().mapToInt(l -> l.rank()).max().orElseThrow();
        assertThat(incidentOf(a).levelRank()).isEqualTo(lowest);
    }

    @Test
    void afterTheWindowANewIncidentOpens() {
        long integration = feed.integration(unique("am"), FakeFeed.policy(GroupingMode.GROUP_KEY, List.of(),
                Duration.ofMinutes(30), 1, Duration.ofMinutes(10), 3, true), null);
        String group = unique("g");
        AlertView a = firing(integration, group, "Queue backlog", Map.of());
        AlertView b = firing(integration, group, "Queue backlog 2", Map.of());
        send(FIRED, a);
        clock.advance(Duration.ofMinutes(31));
        send(FIRED, b);
        assertThat(incidentOf(b).id()).isNotEqualTo(incidentOf(a).id());
    }

    @Test
    void flapControlOpensOnlyAfterNFiringsWithinTheFlapWindow() {
        long integration = feed.integration(unique("am"), FakeFeed.policy(GroupingMode.GROUP_KEY, List.of(),
                Duration.ofHours(4), 3, Duration.ofMinutes(10), 5, true), null);
        AlertView a = firing(integration, unique("g"), "Flappy", Map.of());
        send(FIRED, a);
        send(TransitionKind.RESOLVED, a);
        clock.advance(Duration.ofMinutes(11));
        send(FIRED, a);
        send(TransitionKind.RESOLVED, a);
        assertThat(incidentsOf(a)).as("two firings, the first outside the window").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        send(FIRED, a);
        send(TransitionKind.RESOLVED, a);
        assertThat(incidentsOf(a)).as("two firings within the window").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        send(FIRED, a);
        assertThat(incidentsOf(a)).as("third firing within ten minutes").hasSize(1);
        assertThat(incidentOf(a).title()).isEqualTo("[FIRING:1] Flappy");
    }

    @Test
    void flapControlDelaysASteadyAlertByTheFlapWindowButNeverSwallowsIt() {
        long integration = feed.integration(unique("am"), FakeFeed.policy(GroupingMode.GROUP_KEY, List.of(),
                Duration.ofHours(4), 3, Duration.ofMinutes(10), 5, true), null);
        AlertView steady = firing(integration, unique("g"), "Steady", Map.of());
        AlertView brief = firing(integration, unique("g"), "Brief", Map.of());
        send(FIRED, steady);
        send(FIRED, brief);
        clock.advance(Duration.ofMinutes(5));
        send(TransitionKind.RESOLVED, brief);
        assertThat(incidentsOf(steady)).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        worker.runOnce();
        assertThat(incidentsOf(steady)).as("still firing after the flap window").hasSize(1);
        assertThat(incidentsOf(brief)).as("resolved within the flap window").isEmpty();
        worker.runOnce();
        assertThat(incidentsOf(steady)).hasSize(1);
    }

    @Test
    void reopenCapLimitsHowOftenOneAlertOpensIncidentsPerDay() {
        long integration = feed.integration(unique("am"), FakeFeed.policy(GroupingMode.GROUP_KEY, List.of(),
                Duration.ofHours(4), 1, Duration.ofMinutes(10), 2, true), null);
        AlertView a = firing(integration, unique("g"), "Restarting pod", Map.of());
        send(FIRED, a);
        IncidentView first = incidentOf(a);
        send(TransitionKind.RESOLVED, a);
        assertThat(incidents.get(first.number()).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incidents.get(first.number()).title()).isEqualTo("[RESOLVED] Restarting pod");

        // Fires again within the window while RESOLVED: re-opens the same incident (the second open).
        send(FIRED, a);
        IncidentView reopened = incidents.get(first.number());
        assertThat(reopened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(reopened.title()).isEqualTo("[FIRING:1] Restarting pod");
        assertThat(incidents.alertsOf(first.number())).singleElement()
                .satisfies(l -> assertThat(l.fireCount()).isEqualTo(2));

        // Closed; fires again: the cap (2 per day) is reached, so nothing opens.
        send(TransitionKind.RESOLVED, a);
        incidents.close(first.number(), "system", "noise", true);
        send(FIRED, a);
        assertThat(incidentsOf(a)).containsExactly(first.id());

        // A day later it may open again.
        send(TransitionKind.RESOLVED, a);
        clock.advance(Duration.ofHours(25));
        send(FIRED, a);
        assertThat(incidentsOf(a)).hasSize(2);
    }

    @Test
    void inhibitedAlertsJoinTheSourceIncidentInsteadOfOpeningOne() {
        String cluster = unique("c");
        String node = unique("NodeDown");
        var rule = inhibition.create(new NewInhibitionRule(unique("node down"),
                List.of(new LabelMatcher("alertname", "=", node)),
                List.of(new LabelMatcher("severity", "=~", "warning|info")), List.of("cluster")), "test");
        try {
            long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
            AlertView source = firing(integration, unique("g"), "Node down",
                    Map.of("alertname", node, "cluster", cluster, "severity", "critical"));
            AlertView target = firing(integration, unique("g"), "Pod not ready",
                    Map.of("alertname", "PodNotReady", "cluster", cluster, "severity", "warning"));
            AlertView elsewhere = firing(integration, unique("g"), "Pod not ready elsewhere",
                    Map.of("alertname", "PodNotReady", "cluster", cluster + "-other", "severity", "warning"));
            send(FIRED, source);
            send(FIRED, target);
            send(FIRED, elsewhere);
            IncidentView incident = incidentOf(source);
            assertThat(incidentOf(target).id()).isEqualTo(incident.id());
            assertThat(incidents.alertsOf(incident.number())).extracting(IncidentAlertView::how)
                    .containsExactly(AlertAttachment.OPENED, AlertAttachment.INHIBITED);
            assertThat(incidentOf(elsewhere).id()).as("different cluster").isNotEqualTo(incident.id());
            assertThat(entries(incident)).extracting(TimelineEntryView::kind).contains("ALERT_ATTACHED");

            // Once the source has resolved, the target's group no longer inhibits a fresh alert.
            send(TransitionKind.RESOLVED, source);
            send(TransitionKind.RESOLVED, target);
            clock.advance(Duration.ofHours(5));
            AlertView later = firing(integration, unique("g"), "Pod not ready later",
                    Map.of("alertname", "PodNotReady", "cluster", cluster, "severity", "warning"));
            send(FIRED, later);
            assertThat(incidentOf(later).id()).isNotEqualTo(incident.id());
        } finally {
            inhibition.delete(rule.id(), "test");
        }
    }

    @Test
    void suppressedAlertsOpenAndJoinNothing() {
        long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        String group = unique("g");
        AlertView silenced = FakeFeed.alert(FakeFeed.nextId(), integration, group, "Silenced", Map.of(), null, null,
                FIRING, Suppression.SILENCED);
        send(FIRED, silenced);
        assertThat(incidentsOf(silenced)).isEmpty();
        AlertView open = firing(integration, group, "Real", Map.of());
        send(FIRED, open);
        AlertView maintenance = FakeFeed.alert(FakeFeed.nextId(), integration, group, "In maintenance", Map.of(), null,
                null, FIRING, Suppression.MAINTENANCE);
        send(FIRED, maintenance);
        assertThat(incidentsOf(maintenance)).isEmpty();
        assertThat(incidents.alertIdsOf(incidentOf(open).number())).containsExactly(open.id());
    }

    @Test
    void allAlertsResolvedMovesTheIncidentToResolved() {
        long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        String group = unique("g");
        AlertView a = firing(integration, group, "Errors", Map.of());
        AlertView b = firing(integration, group, "Errors 2", Map.of());
        send(FIRED, a);
        send(FIRED, b);
        send(TransitionKind.RESOLVED, a);
        IncidentView incident = incidentOf(a);
        assertThat(incident.status()).isEqualTo(IncidentStatus.DETECTED);
        assertThat(incident.title()).isEqualTo("[FIRING:1] Errors");
        send(TransitionKind.RESOLVED, b);
        incident = incidentOf(a);
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.title()).isEqualTo("[RESOLVED] Errors");
        assertThat(entries(incident)).extracting(TimelineEntryView::text).contains(
                "Alert Errors resolved (1 of 2 alerts still firing)",
                "Alert Errors 2 resolved: all 2 alerts of this incident have resolved, so the incident moves to Resolved (awaiting verification)");
        assertThat(incidents.alertsOf(incident.number())).noneMatch(IncidentAlertView::firing);
    }

    @Test
    void withoutAutoResolveAllResolvedIsOnlyNoted() {
        long integration = feed.integration(unique("am"), FakeFeed.policy(GroupingMode.GROUP_KEY, List.of(),
                Duration.ofHours(4), 1, Duration.ofMinutes(10), 3, false), null);
        AlertView a = firing(integration, unique("g"), "Slow", Map.of());
        send(FIRED, a);
        send(TransitionKind.RESOLVED, a);
        IncidentView incident = incidentOf(a);
        assertThat(incident.status()).isEqualTo(IncidentStatus.DETECTED);
        assertThat(entries(incident)).extracting(TimelineEntryView::text).contains(
                "Alert Slow resolved: all 1 alerts of this incident have resolved; the incident stays open until someone resolves it");
    }

    @Test
    void acknowledgementAcknowledgesADetectedIncident() {
        long integration = feed.integration(unique("pd"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        AlertView a = firing(integration, null, "PagerDuty trigger", Map.of());
        send(FIRED, a);
        send(ACKNOWLEDGED, a);
        IncidentView incident = incidentOf(a);
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.stages()).anySatisfy(s -> assertThat(s.by()).startsWith("alert:"));
        send(ACKNOWLEDGED, a);
        assertThat(incidentOf(a).version()).isEqualTo(incident.version());
    }

    @Test
    void twoConcurrentPassesProcessEachEntryOnce() throws Exception {
        long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        List<AlertView> alerts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            AlertView a = firing(integration, unique("g"), "Burst " + i, Map.of());
            alerts.add(a);
            feed.add(FIRED, a);
        }
        String cursor = "test-" + UUID.randomUUID();
        GroupingWorker one = worker(cursor);
        GroupingWorker two = worker(cursor);
        CountDownLatch start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> { await(start); return one.runOnce(); });
        var second = CompletableFuture.supplyAsync(() -> { await(start); return two.runOnce(); });
        start.countDown();
        int processed = first.get() + second.get();
        assertThat(processed).isEqualTo(30);
        for (AlertView a : alerts) {
            assertThat(incidentsOf(a)).as(a.title()).hasSize(1);
        }
        assertThat(one.runOnce()).isZero();
    }

    @Test
    void incidentPageShowsTheAlertsPanelWithLabelsAsText() {
        long integration = feed.integration(unique("am"), policy(GroupingMode.GROUP_KEY, List.of()), null);
        long service = catalog.create(new ServiceDefinition(unique("shop"), null, null, false, 2, List.of()), "test").id();
        String group = unique("g");
        AlertView a = FakeFeed.alert(FakeFeed.nextId(), integration, group, "<script>alert(1)</script> Errors",
                Map.of("alertname", "Errors", "note", "<img src=x onerror=alert(1)>"), null, service, FIRING, null);
        AlertView b = firing(integration, group, "Errors again", Map.of("alertname", "Errors"));
        send(FIRED, a);
        send(FIRED, b);
        send(TransitionKind.RESOLVED, b);
        IncidentView incident = incidentOf(a);
        var user = users.create(io.firebreak.identity.Role.VIEWER);
        var web = new io.firebreak.identity.WebSession(api.baseUrl()).login(user.username(),
                io.firebreak.support.TestUsers.PASSWORD);
        var page = web.get("/incidents/" + incident.number());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("hx-get=\"/incidents/" + incident.number() + "/alerts\"")
                .contains("/alerts/changes?service=" + service).contains("no recent changes reported");
        var panel = web.get("/incidents/" + incident.number() + "/alerts");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("1 of 2 alerts firing")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Errors").doesNotContain("<script>alert(1)")
                .contains("note=&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .contains("href=\"/alerts/" + a.id() + "\"").contains("opened this incident");
        assertThat(web.get("/incidents/INC-999999999/alerts").status()).isEqualTo(404);
        var json = api.get("/api/v1/incidents/" + incident.number() + "/alerts",
                users.tokenFor(io.firebreak.identity.Role.VIEWER));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().size()).isEqualTo(2);
        assertThat(json.body().get(1).get("firing").asBoolean()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
