package io.firebreak.escalation;

import java.time.Instant;
import java.util.List;

/** An escalation policy as read by the API and the UI; steps count from 1. */
public record PolicyView(long id, String name, String description, int repeatCount, int repeatDelayMinutes,
        boolean isDefault, List<ServiceLabel> services, List<StepView> steps, Instant updatedAt) {

    /** A service the policy is assigned to. */
    public record ServiceLabel(long id, String name) {
    }

    /** A step: number, delay after the previous step and its targets with readable labels. */
    public record StepView(int step, int delayMinutes, List<TargetView> targets) {
    }

    /** A target with the name of the user, schedule or team it points at ("#id" if it is gone). */
    public record TargetView(TargetKind kind, long id, String label) {
    }
}
