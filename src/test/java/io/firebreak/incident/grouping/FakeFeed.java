package io.firebreak.incident.grouping;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.alert.AlertSource;
import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.GroupingMode;
import io.firebreak.alert.GroupingPolicy;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.Suppression;
import io.firebreak.alert.TransitionKind;

/** An in-memory alert feed with its own integrations; ids are unique across the shared test database. */
class FakeFeed implements AlertFeed {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private final List<AlertFeedEntry> entries = new ArrayList<>();
    private final Map<Long, IntegrationView> integrations = new HashMap<>();
    private final Map<Long, AlertView> latest = new HashMap<>();

    static long nextId() {
        return IDS.incrementAndGet();
    }

    static GroupingPolicy policy(GroupingMode mode, List<String> labels, Duration window, int openAfter,
            Duration flapWindow, int maxReopens, boolean autoResolve) {
        return new GroupingPolicy(mode, labels, window, openAfter, flapWindow, maxReopens, autoResolve);
    }

    long integration(String name, GroupingPolicy policy, String defaultLevel) {
        long id = nextId();
        integrations.put(id, new IntegrationView(id, name, AlertSource.GENERIC, null, null, Map.of(), defaultLevel,
                policy, true, "fb_x", false, Instant.EPOCH, null));
        return id;
    }

    /** An alert of the integration (identity by id; callers keep and re-send the same id). */
    static AlertView alert(long id, long integrationId, String groupKey, String title, Map<String, String> labels,
            String levelCode, Long serviceId, AlertStatus status, Suppression suppression) {
        return new AlertView(id, integrationId, "int", AlertSource.GENERIC, "fp-" + id, groupKey, title, "about " + title,
                status, null, levelCode, serviceId, labels, Map.of(), List.of(), Instant.EPOCH, null, Instant.EPOCH,
                Instant.EPOCH, null, 1, suppression, false);
    }

    synchronized void add(TransitionKind kind, AlertView alert) {
        entries.add(new AlertFeedEntry(entries.size() + 1, kind, Instant.EPOCH, alert));
        latest.put(alert.id(), alert);
    }

    @Override
    public synchronized List<AlertView> alerts(java.util.Collection<Long> ids) {
        return ids.stream().filter(latest::containsKey).map(latest::get).toList();
    }

    @Override
    public synchronized List<AlertFeedEntry> feedAfter(long afterSeq, int limit) {
        return entries.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
    }

    @Override
    public IntegrationView integration(long id) {
        return integrations.get(id);
    }
}
