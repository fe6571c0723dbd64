package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageFailed;
import io.firebreak.notification.MessageSent;
import io.firebreak.notification.MessageStatus;
import io.firebreak.shared.WakeUp;

/**
 * Delivers the outbox. Each pass claims due messages one by one with a conditional UPDATE (a
 * lease until {@code claimed_until}; an expired lease of a crashed worker is taken over), sends
 * outside any transaction, records the attempt and the outcome. Retryable failures are tried
 * again after an exponential back-off up to {@code max-attempts}; then the message is FAILED.
 * <p>
 * Storm control: a destination (a channel with its own settings, or the people one email channel's
 * server emails directly, by their addresses) receives at most {@code throttle-per-minute} messages
 * per minute, so a storm on one channel never delays another's or a person's page.
 * When more are due than the window has room for, the waiting messages are bundled into one
 * summary message (the originals become BUNDLED and point at it); with no room at all they stay
 * PENDING with the reason shown in the ledger until the window opens.
 * <p>
 * Event-driven: writing an outbox row wakes this worker's own thread when the writing transaction
 * commits (or at the row's due instant), so a page leaves within milliseconds; the scheduled pass
 * every {@code firebreak.notification.interval} remains the safety net (retries, other instances,
 * rows written before a crash).
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 200;

    private final MessageRepository messages;
    private final ChannelRepository channels;
    private final Map<ChannelKind, NotificationChannel> senders = new EnumMap<>(ChannelKind.class);
    private final TransactionTemplate tx;
    private final TemplateRenderer renderer;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration lease;
    private final int perMinute;
    private final String workerId = UUID.randomUUID().toString();
    private final ApplicationEventPublisher events;
    private final tools.jackson.databind.ObjectMapper json;
    private final WakeUp wakeUp;

    DeliveryWorker(MessageRepository messages, ChannelRepository channels, List<NotificationChannel> senders,
            TransactionTemplate tx, TemplateRenderer renderer, Clock clock, ApplicationEventPublisher events,
            tools.jackson.databind.ObjectMapper json,
            @Value("${firebreak.notification.max-attempts:5}") int maxAttempts,
            @Value("${firebreak.notification.backoff:PT30S}") Duration backoff,
            @Value("${firebreak.notification.lease:PT2M}") Duration lease,
            @Value("${firebreak.notification.throttle-per-minute:10}") int perMinute,
            DeliverySignal signal, @Value("${firebreak.wake-up:true}") boolean wakeUpEnabled) {
        this.messages = messages;
        this.channels = channels;
        senders.forEach(s -> this.senders.put(s.kind(), s));
        this.tx = tx;
        this.renderer = renderer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.lease = lease;
        this.perMinute = perMinute;
        this.events = events;
        this.json = json;
        this.wakeUp = new WakeUp("notification-delivery", wakeUpEnabled, clock, () -> {
            runOnce();
            return Optional.empty();
        });
        signal.connect(wakeUp);
    }

    @PreDestroy
    void stopWakeUp() {
        wakeUp.close();
    }

    @Scheduled(fixedDelayString = "${firebreak.notification.interval:PT5S}",
            initialDelayString = "${firebreak.notification.interval:PT5S}")
    void scheduledPass() {
        try {
            wakeUp.poll(this::runOnce);
        } catch (RuntimeException e) {
            // Nothing is lost: unclaimed rows stay due, claimed ones are retaken when the lease expires.
            log.warn("Notification delivery pass failed; retrying on the next pass", e);
        }
    }

    /** One pass at the current clock time, as this worker; returns how many messages it sent. */
    public int runOnce() {
        return runOnce(workerId);
    }

    /** One pass as the named worker (tests use two names to act as two instances). */
    public int runOnce(String worker) {
        Instant now = clock.instant();
        // Grouped by channel and recipients: people emailed through an email channel's server are never
        // bundled into a summary for the channel's own addresses (or the other way round).
        Map<List<Object>, List<StoredMessage>> byChannel = new LinkedHashMap<>();
        for (StoredMessage m : messages.due(now, BATCH)) {
            if (messages.claim(m.id(), worker, now, now.plus(lease))) {
                String recipients = messages.routeOf(m.id()).recipients();
                byChannel.computeIfAbsent(java.util.Arrays.asList(m.channelId(), recipients), k -> new ArrayList<>())
                        .add(m);
            }
        }
        int sent = 0;
        for (var entry : byChannel.entrySet()) {
            sent += deliverToDestination((Long) entry.getKey().get(0), (String) entry.getKey().get(1),
                    entry.getValue(), worker, now);
        }
        return sent;
    }

    private int deliverToDestination(long channelId, String recipients, List<StoredMessage> claimed, String worker,
            Instant now) {
        ChannelConfig channel = channels.find(channelId).orElse(null);
        if (channel == null) {
            DeliveryResult gone = DeliveryResult.failed(null, null, "channel deleted");
            claimed.forEach(m -> finish(m, worker, gone, now, 0));
            return 0;
        }
        Instant windowStart = now.minus(Duration.ofMinutes(1));
        int room = perMinute - messages.sentSince(channelId, recipients, windowStart);
        if (claimed.size() <= room) {
            int sent = 0;
            for (StoredMessage m : claimed) {
                sent += send(channel, m, worker) ? 1 : 0;
            }
            return sent;
        }
        if (room <= 0) {
            Instant opens = messages.oldestSentSince(channelId, recipients, windowStart).orElse(now)
                    .plus(Duration.ofMinutes(1));
            String reason = "throttled: " + perMinute + " messages per minute to "
                    + (recipients == null ? channel.name() : recipients);
            claimed.forEach(m -> messages.defer(m.id(), worker, opens, reason));
            return 0;
        }
        StoredMessage summary = bundle(channel, claimed, worker);
        return send(channel, summary, worker) ? 1 : 0;
    }

    /** Folds the claimed messages into one summary row (claimed by this worker) and returns it. */
    private StoredMessage bundle(ChannelConfig channel, List<StoredMessage> claimed, String worker) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            StringBuilder text = new StringBuilder();
            for (StoredMessage m : claimed) {
                text.append("\n• ").append(m.subject());
            }
            Map<String, Object> vars = Map.of("count", claimed.size(), "text", text.toString());
            TemplateRenderer.Rendered r = renderer.render(TemplateKind.BUNDLE, channel.locale(), channel.kind(), vars);
            StoredMessage first = claimed.get(0);
            boolean oneIncident = claimed.stream().allMatch(m -> java.util.Objects.equals(m.incidentId(),
                    first.incidentId()));
            long id = messages.insert(new NewMessage(oneIncident ? first.incidentId() : null,
                    oneIncident ? first.incidentNumber() : null, "Bundle", TemplateKind.BUNDLE.name(),
                    TemplateRenderer.normalise(channel.locale()), channel.id(), channel.kind(),
                    messages.routeOf(first.id()).recipients() != null ? first.destination()
                            : Outbox.destination(channel), r.subject(), r.body(), oneIncident ? first.linkUrl() : null, null,
                    MessageStatus.PENDING, null, "system", null), now);
            messages.claim(id, worker, now, now.plus(lease));
            java.util.Set<String> mentions = new java.util.LinkedHashSet<>();
            claimed.stream().map(m -> messages.routeOf(m.id()).mentions()).filter(java.util.Objects::nonNull)
                    .forEach(x -> mentions.addAll(List.of(x.split(","))));
            String recipients = messages.routeOf(first.id()).recipients();
            if (recipients != null || !mentions.isEmpty()) {
                messages.route(id, recipients, mentions.isEmpty() ? null : String.join(",", mentions));
            }
            claimed.forEach(m -> messages.bundle(m.id(), worker, id));
            return messages.find(id).orElseThrow();
        });
    }

    private boolean send(ChannelConfig channelSettings, StoredMessage m, String worker) {
        ChannelConfig channel = messages.routeOf(m.id()).apply(channelSettings);
        NotificationChannel sender = senders.get(channel.kind());
        OutboundMessage out = new OutboundMessage(m.id(), m.idempotencyKey(), m.event(), m.subject(), m.body(),
                m.linkUrl(), m.ackUrl(), payload(m, json), m.bodyHtml());
        long started = System.nanoTime();
        DeliveryResult result;
        if (!channel.enabled()) {
            result = DeliveryResult.failed(null, null, "channel disabled");
        } else {
            try {
                result = sender.send(channel, out);
            } catch (RuntimeException e) {
                result = DeliveryResult.retry(null, null, "unexpected error: " + e);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        finish(m, worker, result, clock.instant(), ms);
        return result.outcome() == DeliveryResult.Outcome.SENT;
    }

    private void finish(StoredMessage m, String worker, DeliveryResult result, Instant at, long ms) {
        DeliveryResult r = result;
        tx.executeWithoutResult(status -> {
            messages.recordAttempt(m.id(), at, r, ms);
            int attempt = m.attempts() + 1;
            String error = r.error() != null ? r.error() : r.response();
            switch (r.outcome()) {
                case SENT -> {
                    if (messages.finish(m.id(), worker, MessageStatus.SENT, at, at, r, null) && m.incidentId() != null) {
                        events.publishEvent(new MessageSent(m.id(), m.incidentId(), m.template(), m.channelKind(),
                                m.destination(), attempt, at));
                    }
                }
                case RETRY -> {
                    if (attempt >= maxAttempts) {
                        if (messages.finish(m.id(), worker, MessageStatus.FAILED, at, null, r,
                                "gave up after " + attempt + " attempts") && m.incidentId() != null) {
                            events.publishEvent(new MessageFailed(m.id(), m.incidentId(), m.template(),
                                    m.channelKind(), m.destination(), attempt, error, at));
                        }
                    } else {
                        Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
                        messages.finish(m.id(), worker, MessageStatus.PENDING, at.plus(wait), null, r,
                                "retry " + (attempt + 1) + " of " + maxAttempts);
                    }
                }
                case FAILED -> {
                    if (messages.finish(m.id(), worker, MessageStatus.FAILED, at, null, r, null)
                            && m.incidentId() != null) {
                        events.publishEvent(new MessageFailed(m.id(), m.incidentId(), m.template(), m.channelKind(),
                                m.destination(), attempt, error, at));
                    }
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(StoredMessage m, tools.jackson.databind.ObjectMapper json) {
        if (m.payloadJson() != null) {
            return json.readValue(m.payloadJson(), LinkedHashMap.class);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.incidentId());
        p.put("number", m.incidentNumber());
        p.put("url", m.linkUrl());
        return p;
    }

    /** Sends a test message to a channel now, outside the outbox, and reports the provider's answer. */
    public DeliveryResult sendTest(ChannelConfig channel, String subject, String text) {
        NotificationChannel sender = senders.get(channel.kind());
        return sender.send(channel, new OutboundMessage(0, "test-" + UUID.randomUUID(), "Test", subject, text, null,
                null, Map.of()));
    }
}
