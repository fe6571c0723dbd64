package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.StageStamp;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageStatus;

/**
 * Writes outgoing messages: renders the template of a kind for each destination channel in the
 * channel's language and inserts one outbox row per channel, in the caller's transaction. Nothing
 * is sent here; the {@link DeliveryWorker} sends after commit.
 */
@Component
public class Outbox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final MessageRepository messages;
    private final TemplateRenderer renderer;
    private final AckLinks ackLinks;
    private final Clock clock;
    private final String baseUrl;
    private final String organization;
    private final tools.jackson.databind.ObjectMapper json;

    Outbox(MessageRepository messages, TemplateRenderer renderer, AckLinks ackLinks, Clock clock,
            @Value("${firebreak.base-url:http://localhost:8080}") String baseUrl,
            @Value("${firebreak.notification.organization:Firebreak}") String organization,
            tools.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.messages = messages;
        this.renderer = renderer;
        this.ackLinks = ackLinks;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.organization = organization;
    }

    /**
     * One message per channel. {@code extra} adds or overrides variables; {@code withAck} gives
     * channels that have an "acknowledge as" user a one-click acknowledge link.
     */
    public List<Long> enqueue(TemplateKind kind, String event, IncidentView incident, List<ChannelConfig> channels,
            Map<String, Object> extra, boolean withAck, MessageStatus status, String reason, String actor) {
        return enqueue(kind, event, incident, channels, extra, withAck, status, reason, actor, clock.instant());
    }

    /** As above, first due at {@code due}; an acknowledge link stays valid its full lifetime from then. */
    public List<Long> enqueue(TemplateKind kind, String event, IncidentView incident, List<ChannelConfig> channels,
            Map<String, Object> extra, boolean withAck, MessageStatus status, String reason, String actor,
            Instant due) {
        Map<String, Object> incidentFields = variables(incident, actor);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", incident.id());
        for (String k : List.of("number", "title", "description", "level", "levelName", "status", "impact",
                "services", "commander", "commsLead", "techLead", "onCall", "ticketUrl", "url", "detectedAt")) {
            payload.put(k, incidentFields.get(k));
        }
        payload.putAll(extra);
        String payloadJson = json.writeValueAsString(payload);
        return channels.stream().map(c -> {
            String ackUrl = withAck && c.ackAs() != null && !c.ackAs().isBlank()
                    ? baseUrl + "/ack/" + ackLinks.issue(incident.id(), c.ackAs(), c.kind().name(), due)
                    : null;
            Map<String, Object> vars = variables(incident, actor);
            vars.put("ackUrl", ackUrl == null ? "" : ackUrl);
            vars.putAll(extra);
            TemplateRenderer.Rendered r = renderer.render(kind, c.locale(), c.kind(), vars);
            return messages.insert(new NewMessage(incident.id(), incident.number(), event, kind.name(),
                    TemplateRenderer.normalise(c.locale()), c.id(), c.kind(), destination(c), r.subject(), r.body(),
                    incidentUrl(incident), ackUrl, status, reason, actor, payloadJson, r.html()), clock.instant(), due);
        }).toList();
    }

    /**
     * One personal notice that is not about an incident (a shift starting) to one channel, due now,
     * without acknowledge link; {@code vars} are its template variables (and the webhook payload).
     */
    public long enqueueNotice(TemplateKind kind, String event, ChannelConfig c, Map<String, Object> vars,
            String actor) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("organization", organization);
        all.put("at", format(clock.instant()));
        all.putAll(vars);
        TemplateRenderer.Rendered r = renderer.render(kind, c.locale(), c.kind(), all);
        return messages.insert(new NewMessage(null, null, event, kind.name(), TemplateRenderer.normalise(c.locale()),
                c.id(), c.kind(), destination(c), r.subject(), r.body(), null, null, MessageStatus.PENDING, null, actor,
                json.writeValueAsString(all), r.html()), clock.instant());
    }

    /**
     * A FAILED ledger entry for a message that could not even be queued (nobody to send it
     * through, no address), so the ledger says why a person was not reached; returns its id.
     * {@code incident} is null for a notice that is not about an incident.
     */
    public long unreachable(TemplateKind kind, String event, IncidentView incident, ChannelKind channelKind,
            long channelId, String destination, String reason, String actor) {
        return messages.insert(new NewMessage(incident == null ? null : incident.id(),
                incident == null ? null : incident.number(), event, kind.name(), "en", channelId, channelKind,
                destination, "(not sent)", reason, incident == null ? null : incidentUrl(incident), null,
                MessageStatus.FAILED, reason, actor, null), clock.instant());
    }

    public String incidentUrl(IncidentView incident) {
        return baseUrl + "/incidents/" + incident.number();
    }

    static String destination(ChannelConfig c) {
        if (c.kind() == ChannelKind.EMAIL) {
            return c.name() + " <" + c.target() + ">";
        }
        return c.name();
    }

    /** The template variables of an incident (documented in docs/notifications.md). */
    public Map<String, Object> variables(IncidentView i, String actor) {
        Map<String, Object> v = new LinkedHashMap<>();
        Instant now = clock.instant();
        v.put("number", i.number());
        v.put("title", i.title());
        v.put("description", nz(i.description()));
        v.put("level", i.levelCode());
        v.put("levelName", nz(i.levelName()));
        v.put("status", i.status().name());
        v.put("impact", nz(i.impactSummary()));
        v.put("services", i.services().stream().map(s -> s.name()).collect(Collectors.joining(", ")));
        v.put("commander", holder(i, IncidentRole.COMMANDER));
        v.put("commsLead", holder(i, IncidentRole.COMMS_LEAD));
        v.put("techLead", holder(i, IncidentRole.TECH_LEAD));
        v.put("onCall", holder(i, IncidentRole.ON_CALL));
        v.put("ticketUrl", nz(i.ticketUrl()));
        v.put("url", incidentUrl(i));
        v.put("actor", nz(actor));
        v.put("at", format(now));
        Instant detected = i.stages().stream().findFirst().map(StageStamp::at).orElse(i.createdAt());
        v.put("detectedAt", format(detected));
        v.put("reporter", i.stages().stream().findFirst().map(StageStamp::by).orElse(""));
        v.put("actionsTaken", i.actions().stream().map(a -> a.description()).collect(Collectors.joining("; ")));
        v.put("rootCause", nz(i.rootCause() != null ? i.rootCause() : i.directCause()));
        v.put("duration", duration(Duration.between(detected, now)));
        v.put("reason", nz(i.closeReason()));
        v.put("organization", organization);
        v.put("review", "");
        v.put("progress", "");
        v.put("eta", "");
        return v;
    }

    private static String holder(IncidentView i, IncidentRole role) {
        return i.roles().stream().filter(r -> r.role() == role).map(r -> r.username()).findFirst().orElse("");
    }

    /** A time as the templates show it ("2026-11-22 10:15 UTC"). */
    public static String format(Instant t) {
        return t == null ? "" : TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes >= 60 ? (minutes / 60) + "h " + (minutes % 60) + "m" : minutes + "m";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
