package io.firebreak.timeline.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.escalation.EscalationStepReached;
import io.firebreak.escalation.EscalationStopped;
import io.firebreak.timeline.internal.StoredEntry.Arg;

/**
 * Puts escalation steps reached (who was paged, step n of policy X) and escalation stops on the
 * incident's timeline, in the transaction that pages the step or stops the escalation.
 */
@Component
class EscalationTimelineRecorder {

    private final TimelineRepository repository;

    EscalationTimelineRecorder(TimelineRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(EscalationStepReached e) {
        String key = e.paged().isEmpty() ? "timeline.escalation.step.nobody"
                : e.round() > 0 ? "timeline.escalation.step.repeat" : "timeline.escalation.step";
        repository.append(e.incidentId(), e.at(), e.actor(), "ESCALATION_STEP", key,
                List.of(Arg.text(String.valueOf(e.step())), Arg.text(e.policyName()),
                        Arg.text(String.join(", ", e.paged())), Arg.text(String.valueOf(e.round()))),
                null);
    }

    @EventListener
    void on(EscalationStopped e) {
        repository.append(e.incidentId(), e.at(), e.actor(), "ESCALATION_STOPPED",
                "timeline.escalation.stopped." + e.reason(), List.of(), null);
    }
}
