package io.firebreak.incident.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.firebreak.incident.IncidentEvent;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.shared.AfterCommit;

/**
 * The open Server-Sent-Event streams of incident pages in this instance. After a change of an
 * incident commits, every stream of that incident gets an event named {@code change} whose data is
 * the incident's new version. Changes made by other instances reach a page on its next reload
 * (cluster-wide fan-out is future work).
 */
@Component
class LiveUpdates {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final IncidentManagement incidents;

    LiveUpdates(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    SseEmitter open(long incidentId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> set = streams.computeIfAbsent(incidentId, k -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> remove(incidentId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // An initial comment makes proxies and the browser see the stream as open at once.
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException e) {
            remove(incidentId, emitter);
        }
        return emitter;
    }

    /**
     * Tells the incident's open streams once the change committed, so a page never reloads to see a
     * change that was rolled back. A plain listener that registers its own after-commit callback,
     * and only when a stream is open: a transactional listener would have every incident event
     * recorded in (and completed from) the durable event publication log, a write and a commit per
     * change that a best-effort page refresh does not need.
     */
    @EventListener
    void changed(IncidentEvent event) {
        Set<SseEmitter> set = streams.get(event.incidentId());
        if (set == null || set.isEmpty()) {
            return;
        }
        AfterCommit.run(() -> notifyStreams(event.incidentId(), set));
    }

    private void notifyStreams(long incidentId, Set<SseEmitter> set) {
        long version;
        try {
            version = incidents.versionOf(incidentId);
        } catch (RuntimeException e) {
            log.debug("Could not read the version of incident {}", incidentId, e);
            return;
        }
        for (SseEmitter emitter : set) {
            try {
                emitter.send(SseEmitter.event().name("change").data(version));
            } catch (IOException | IllegalStateException e) {
                remove(incidentId, emitter);
            }
        }
    }

    /** Keeps idle streams open through proxies that drop silent connections. */
    @Scheduled(fixedRate = 25_000, initialDelay = 25_000)
    void heartbeat() {
        streams.forEach((id, set) -> {
            for (SseEmitter emitter : set) {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    remove(id, emitter);
                }
            }
        });
    }

    /**
     * Ends every stream when the application shuts down; open streams would otherwise hold up the
     * web server's graceful shutdown until they time out. Browsers reconnect to another instance.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
    }

    private void remove(long incidentId, SseEmitter emitter) {
        streams.computeIfPresent(incidentId, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }
}
