package io.firebreak.escalation.internal;

import java.time.Instant;
import java.util.List;

import io.firebreak.escalation.TargetKind;

/** A policy as stored: steps in order (numbered from 1) with their targets, and its service ids. */
public record StoredPolicy(long id, String name, String description, int repeatCount, int repeatDelayMinutes,
        boolean isDefault, List<Long> serviceIds, List<Step> steps, Instant updatedAt) {

    public StoredPolicy {
        serviceIds = List.copyOf(serviceIds);
        steps = List.copyOf(steps);
    }

    /** The step numbered {@code step} (from 1). */
    public Step step(int step) {
        return steps.get(step - 1);
    }

    /** A stored step. */
    public record Step(int step, int delayMinutes, List<Target> targets) {

        public Step {
            targets = List.copyOf(targets);
        }
    }

    /** A stored target. */
    public record Target(TargetKind kind, long refId) {
    }
}
