package io.firebreak.timeline.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.escalation.ClockRuleFired;
import io.firebreak.timeline.internal.StoredEntry.Arg;

/**
 * Puts every firing of a clock rule on the incident's timeline, naming the rule and what it did,
 * in the firing transaction (so the entry exists exactly when the firing does).
 */
@Component
class ClockRuleTimelineRecorder {

    private final TimelineRepository repository;

    ClockRuleTimelineRecorder(TimelineRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(ClockRuleFired e) {
        repository.append(e.incidentId(), e.at(), e.actor(), "CLOCK_RULE_FIRED", "timeline.clockRule." + e.action(),
                List.of(Arg.text(e.ruleName()), Arg.text(e.detail())), null);
    }
}
