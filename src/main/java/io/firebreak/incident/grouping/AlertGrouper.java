package io.firebreak.incident.grouping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.GroupingPolicy;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.TransitionKind;
import io.firebreak.catalog.CatalogManagement;
import io.firebreak.incident.AlertAttachment;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentAlertsAttached;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.InhibitionRuleView;
import io.firebreak.severity.SeverityLevelView;
import io.firebreak.severity.SeverityManagement;

/**
 * Applies one alert feed entry to incidents, inside the caller's transaction: FIRED alerts join
 * the open incident of their group or, past flap control, the re-open cap and inhibition, open
 * one; RESOLVED alerts are marked and may resolve the incident; ACKNOWLEDGED acknowledges it.
 */
@Component
class AlertGrouper {

    /** What happened to one entry; for tests and logs. */
    enum Outcome {
        OPENED, JOINED, REFIRED, REOPENED, INHIBITED, HELD_BY_FLAP_CONTROL, CAPPED, SUPPRESSED, UNCHANGED, RESOLVED,
        ACKNOWLEDGED
    }

    private final AlertFeed feed;
    private final IncidentManagement incidents;
    private final GroupingStore store;
    private final SeverityManagement severity;
    private final CatalogManagement catalog;
    private final Clock clock;

    AlertGrouper(AlertFeed feed, IncidentManagement incidents, GroupingStore store, SeverityManagement severity,
            CatalogManagement catalog, Clock clock) {
        this.feed = feed;
        this.incidents = incidents;
        this.store = store;
        this.severity = severity;
        this.catalog = catalog;
        this.clock = clock;
    }

    Outcome apply(AlertFeedEntry entry, String consumer) {
        AlertView alert = entry.alert();
        IntegrationView integration = feed.integration(alert.integrationId());
        GroupingPolicy policy = policy(integration);
        String actor = actor(integration == null ? alert.integrationName() : integration.name());
        return switch (entry.kind()) {
            case FIRED -> alert.suppression() != null ? Outcome.SUPPRESSED
                    : fired(alert, integration, policy, actor, consumer, false);
            case RESOLVED -> {
                store.release(consumer, alert.id());
                yield resolved(alert, policy, actor);
            }
            case ACKNOWLEDGED -> acknowledged(alert, actor);
        };
    }

    /** Held alerts whose flap window has passed, to be given to {@link #releaseHeld}. */
    List<Long> heldDue(String consumer, int limit) {
        return store.heldDue(consumer, now(), limit);
    }

    /**
     * Ends the hold of an alert held by flap control: if it is still firing (and not suppressed)
     * its flap window passed without it resolving, so it opens (or joins) its incident now.
     */
    Outcome releaseHeld(long alertId, String consumer) {
        store.release(consumer, alertId);
        List<AlertView> current = feed.alerts(List.of(alertId));
        if (current.isEmpty() || current.get(0).status() != io.firebreak.alert.AlertStatus.FIRING) {
            return Outcome.UNCHANGED;
        }
        AlertView alert = current.get(0);
        if (alert.suppression() != null) {
            return Outcome.SUPPRESSED;
        }
        IntegrationView integration = feed.integration(alert.integrationId());
        return fired(alert, integration, policy(integration),
                actor(integration == null ? alert.integrationName() : integration.name()), consumer, true);
    }

    private static GroupingPolicy policy(IntegrationView integration) {
        return integration == null || integration.grouping() == null ? GroupingPolicy.defaults()
                : integration.grouping();
    }

    // ---- FIRED ----------------------------------------------------------------------------

    private Outcome fired(AlertView alert, IntegrationView integration, GroupingPolicy policy, String actor,
            String consumer, boolean flapWindowPassed) {
        Instant now = now();
        String key = GroupKeys.of(policy, alert);
        Optional<GroupingStore.Group> group = store.latestGroup(alert.integrationId(), key)
                .filter(g -> policy.window() == null || !g.openedAt().plus(policy.window()).isBefore(now));
        if (group.isPresent()) {
            IncidentHead incident = store.head(group.get().incidentId());
            if (active(incident.status())) {
                return attach(incident, alert, actor, null);
            }
            if (incident.status() == IncidentStatus.RESOLVED || incident.status() == IncidentStatus.VERIFIED) {
                if (!capReached(alert, policy, now)) {
                    incidents.reopen(incident.number(), actor, Titles.base(alert.title()));
                    store.recordOpen(alert.id(), incident.id(), now);
                    attach(store.head(incident.id()), alert, actor, null);
                    return Outcome.REOPENED;
                }
                // Capped: the alert is still linked (visible on the incident) but reopens nothing.
                attach(incident, alert, actor, null);
                return Outcome.CAPPED;
            }
            // CLOSED: a new incident, as if there were no group.
        }
        Optional<GroupingStore.FiringAlert> source = inhibitingSource(alert);
        if (source.isPresent()) {
            long incidentId = source.get().incidentId();
            store.insertGroup(alert.integrationId(), key, incidentId, now, null, null);
            attach(store.head(incidentId), alert, actor, AlertAttachment.INHIBITED);
            return Outcome.INHIBITED;
        }
        int firings = store.recordFiring(alert.integrationId(), key, alert.id(), now,
                now.minus(policy.flapWindow() == null ? Duration.ZERO : policy.flapWindow()));
        if (!flapWindowPassed && firings < Math.max(1, policy.openAfterFirings())) {
            store.hold(consumer, alert.id(), alert.integrationId(),
                    now.plus(policy.flapWindow() == null ? Duration.ZERO : policy.flapWindow()));
            return Outcome.HELD_BY_FLAP_CONTROL;
        }
        store.release(consumer, alert.id());
        if (capReached(alert, policy, now)) {
            return Outcome.CAPPED;
        }
        store.clearFirings(alert.integrationId(), key);
        String base = Titles.base(alert.title());
        String title = Titles.of(base, 1);
        IncidentView incident = incidents.declare(new DeclareIncident(title,
                GroupingStore.cut(alert.description(), 10_000).isEmpty() ? null
                        : GroupingStore.cut(alert.description(), 10_000),
                services(alert), level(alert, integration), null, null, null), actor);
        store.insertGroup(alert.integrationId(), key, incident.id(), now, base, title);
        store.recordOpen(alert.id(), incident.id(), now);
        attach(new IncidentHead(incident.id(), incident.number(), incident.title(), incident.status()), alert, actor,
                AlertAttachment.OPENED);
        return Outcome.OPENED;
    }

    /**
     * The leading entries of {@code entries} that each only join the active incident their group
     * already feeds (a FIRED, unsuppressed alert, each alert once), as the common case of an alert
     * storm; read-only. Empty when fewer than two lead: the caller then applies the first alone.
     */
    Optional<Joins> leadingJoins(List<AlertFeedEntry> entries) {
        if (entries.size() < 2) {
            return Optional.empty();
        }
        Instant now = now();
        Map<String, Optional<GroupingStore.Group>> groups = new HashMap<>();
        Map<Long, IncidentHead> heads = new HashMap<>();
        Map<Long, Optional<IntegrationView>> integrations = new HashMap<>();
        Map<IncidentHead, List<Joining>> joins = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        int count = 0;
        for (AlertFeedEntry e : entries) {
            AlertView alert = e.alert();
            if (e.kind() != TransitionKind.FIRED || alert.suppression() != null || !seen.add(alert.id())) {
                break;
            }
            IntegrationView integration = integrations.computeIfAbsent(alert.integrationId(),
                    id -> Optional.ofNullable(feed.integration(id))).orElse(null);
            GroupingPolicy policy = policy(integration);
            String key = GroupKeys.of(policy, alert);
            Optional<GroupingStore.Group> group = groups.computeIfAbsent(alert.integrationId() + "\u0000" + key,
                    k -> store.latestGroup(alert.integrationId(), key)
                            .filter(g -> policy.window() == null || !g.openedAt().plus(policy.window()).isBefore(now)));
            if (group.isEmpty()) {
                break;
            }
            IncidentHead head = heads.computeIfAbsent(group.get().incidentId(), store::head);
            if (!active(head.status())) {
                break;
            }
            joins.computeIfAbsent(head, k -> new ArrayList<>())
                    .add(new Joining(alert, actor(integration == null ? alert.integrationName() : integration.name())));
            count++;
        }
        return count < 2 ? Optional.empty() : Optional.of(new Joins(count, joins, now));
    }

    /** Entries found by {@link #leadingJoins}: how many, and the alerts joining each incident in feed order. */
    record Joins(int entries, Map<IncidentHead, List<Joining>> byIncident, Instant at) {
    }

    /** An alert joining its incident, and the actor it joins as. */
    record Joining(AlertView alert, String actor) {
    }

    /**
     * Applies {@link Joins} with the effects {@link #apply} would have had entry by entry, but per
     * incident it reads the existing links once, writes the new links as one batch, moves the tally
     * once and records all attachments with one write of the incident.
     */
    void join(Joins joins) {
        joins.byIncident().forEach((incident, alerts) -> attachAll(incident, alerts, joins.at()));
    }

    /** {@link #attach} for several alerts of one incident. */
    private void attachAll(IncidentHead incident, List<Joining> joining, Instant now) {
        Map<Long, Boolean> linked = store.linkStates(incident.id(), joining.stream().map(j -> j.alert().id()).toList());
        List<GroupingStore.NewLink> fresh = new ArrayList<>();
        List<Joining> changed = new ArrayList<>();
        for (Joining j : joining) {
            AlertView alert = j.alert();
            Boolean firing = linked.get(alert.id());
            if (firing == null) {
                fresh.add(new GroupingStore.NewLink(alert.id(), alert.integrationId(), alert.title(), alert.labels(),
                        AlertAttachment.JOINED));
                changed.add(j);
            } else if (!firing) {
                store.refire(incident.id(), alert.id(), alert.title(), alert.labels(), now);
                changed.add(j);
            } // else delivered again: at-least-once input, exactly-once effect
        }
        if (changed.isEmpty()) {
            return;
        }
        if (!fresh.isEmpty()) {
            store.insertLinks(incident.id(), fresh, now);
        }
        int[] after = store.tally(incident.id(), changed.size(), fresh.size());
        int firing = after[0] - changed.size();
        int total = after[1] - fresh.size();
        List<IncidentAlertsAttached.Attachment> attachments = new ArrayList<>(changed.size());
        for (Joining j : changed) {
            AlertView alert = j.alert();
            boolean isNew = linked.get(alert.id()) == null;
            firing++;
            total += isNew ? 1 : 0;
            attachments.add(new IncidentAlertsAttached.Attachment(j.actor(), alert.id(), Titles.base(alert.title()),
                    isNew ? AlertAttachment.JOINED : AlertAttachment.REFIRED, firing, total));
        }
        incidents.alertsAttached(String.valueOf(incident.id()), attachments, newTitle(incident, after[0]));
    }

    private boolean capReached(AlertView alert, GroupingPolicy policy, Instant now) {
        return policy.maxReopensPerDay() > 0
                && store.opensSince(alert.id(), now.minus(Duration.ofDays(1))) >= policy.maxReopensPerDay();
    }

    /** Links the alert (or marks it firing again) and records it on the incident with its new title. */
    private Outcome attach(IncidentHead incident, AlertView alert, String actor, AlertAttachment forced) {
        Instant now = now();
        var existing = store.link(incident.id(), alert.id());
        AlertAttachment how;
        int[] counts;
        if (existing.isPresent()) {
            if (existing.get().firing()) {
                return Outcome.UNCHANGED; // delivered again: at-least-once input, exactly-once effect
            }
            store.refire(incident.id(), alert.id(), alert.title(), alert.labels(), now);
            how = AlertAttachment.REFIRED;
            counts = store.tally(incident.id(), 1, 0);
        } else {
            how = forced != null ? forced : AlertAttachment.JOINED;
            store.insertLink(incident.id(), alert.id(), alert.integrationId(), alert.title(), alert.labels(), how, now);
            counts = store.tally(incident.id(), 1, 1);
        }
        incidents.alertsAttached(String.valueOf(incident.id()), List.of(new IncidentAlertsAttached.Attachment(actor,
                alert.id(), Titles.base(alert.title()), how, counts[0], counts[1])), newTitle(incident, counts[0]));
        return how == AlertAttachment.REFIRED ? Outcome.REFIRED
                : how == AlertAttachment.INHIBITED ? Outcome.INHIBITED
                : how == AlertAttachment.OPENED ? Outcome.OPENED : Outcome.JOINED;
    }

    /** The title to set, or null to leave it: only a title grouping set itself is rewritten. */
    private String newTitle(IncidentHead incident, int firing) {
        if (incident.status() == IncidentStatus.CLOSED) {
            return null;
        }
        return store.titledGroupOf(incident.id()).filter(g -> incident.title().equals(g.setTitle())).map(g -> {
            String title = Titles.of(g.baseTitle(), firing);
            if (title.equals(incident.title())) {
                return null;
            }
            store.setTitle(g.id(), title);
            return title;
        }).orElse(null);
    }

    private Optional<GroupingStore.FiringAlert> inhibitingSource(AlertView alert) {
        List<InhibitionRuleView> rules = store.rules();
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return store.firingOnOpenIncidents().stream()
                .filter(s -> s.alertId() != alert.id())
                .filter(s -> rules.stream().anyMatch(r -> Matchers.inhibits(r, s.labels(), alert.labels())))
                .findFirst();
    }

    private List<Long> services(AlertView alert) {
        if (alert.serviceId() == null || catalog.find(alert.serviceId()).isEmpty()) {
            return List.of();
        }
        return List.of(alert.serviceId());
    }

    /** The alert's mapped level, else the integration's default, else the least severe level of the active scheme. */
    private String level(AlertView alert, IntegrationView integration) {
        for (String code : new String[] { alert.levelCode(), integration == null ? null : integration.defaultLevel() }) {
            if (code != null && !code.isBlank()) {
                Optional<SeverityLevelView> level = severity.findLevel(code.strip());
                if (level.isPresent()) {
                    return level.get().code();
                }
            }
        }
        return severity.activeScheme().levels().stream().max(Comparator.comparingInt(SeverityLevelView::rank))
                .orElseThrow().code();
    }

    // ---- RESOLVED and ACKNOWLEDGED --------------------------------------------------------

    private Outcome resolved(AlertView alert, GroupingPolicy policy, String actor) {
        Instant now = now();
        Outcome outcome = Outcome.UNCHANGED;
        for (long incidentId : store.incidentsOf(alert.id(), true)) {
            if (!store.resolveLink(incidentId, alert.id(), now)) {
                continue;
            }
            outcome = Outcome.RESOLVED;
            IncidentHead incident = store.head(incidentId);
            int[] counts = store.tally(incidentId, -1, 0);
            boolean autoResolve = counts[0] == 0 && policy.autoResolve() && active(incident.status());
            incidents.alertResolved(String.valueOf(incident.id()), actor, alert.id(), Titles.base(alert.title()), counts[0],
                    counts[1], autoResolve, newTitle(incident, counts[0]));
            if (autoResolve) {
                incidents.resolve(incident.number(), actor);
            }
        }
        return outcome;
    }

    private Outcome acknowledged(AlertView alert, String actor) {
        Outcome outcome = Outcome.UNCHANGED;
        for (long incidentId : store.incidentsOf(alert.id(), false)) {
            IncidentHead incident = store.head(incidentId);
            if (incident.status() == IncidentStatus.DETECTED) {
                incidents.acknowledge(incident.number(), actor);
                outcome = Outcome.ACKNOWLEDGED;
            }
        }
        return outcome;
    }

    private static boolean active(IncidentStatus status) {
        return status.ordinal() < IncidentStatus.RESOLVED.ordinal();
    }

    /** "alert:&lt;integration name&gt;", within the 64 characters an actor may have. */
    static String actor(String integrationName) {
        String actor = "alert:" + (integrationName == null ? "unknown" : integrationName);
        return actor.length() <= 64 ? actor : actor.substring(0, 64);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
