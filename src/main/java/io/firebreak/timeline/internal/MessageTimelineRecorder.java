package io.firebreak.timeline.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.notification.MessageFailed;
import io.firebreak.notification.MessageSent;
import io.firebreak.timeline.internal.StoredEntry.Arg;

/**
 * Puts delivered and finally failed messages on the incident's timeline, in the transaction in
 * which the notification worker records the outcome (so the entry exists exactly when the ledger says so).
 */
@Component
class MessageTimelineRecorder {

    private final TimelineRepository repository;

    MessageTimelineRecorder(TimelineRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(MessageSent e) {
        repository.append(e.incidentId(), e.at(), "system", "MESSAGE_SENT", "timeline.message.sent",
                List.of(Arg.key("notification.template." + e.template()), Arg.text(e.channelKind().name()),
                        Arg.text(e.destination())),
                null);
    }

    @EventListener
    void on(MessageFailed e) {
        repository.append(e.incidentId(), e.at(), "system", "MESSAGE_FAILED", "timeline.message.failed",
                List.of(Arg.key("notification.template." + e.template()), Arg.text(e.channelKind().name()),
                        Arg.text(e.destination()), Arg.text(String.valueOf(e.attempts()))),
                e.error());
    }
}
