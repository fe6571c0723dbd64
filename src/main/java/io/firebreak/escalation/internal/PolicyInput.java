package io.firebreak.escalation.internal;

import java.util.ArrayList;
import java.util.List;

import io.firebreak.escalation.PolicyDefinition;
import io.firebreak.escalation.PolicyStep;
import io.firebreak.escalation.PolicyTarget;
import io.firebreak.shared.InvalidInputException;

/**
 * Checks a policy definition field by field; the first problem is an {@link InvalidInputException}
 * naming the field ("steps[1].targets[0].id"). Existence of targets is checked by the caller's
 * {@code exists} function.
 */
public final class PolicyInput {

    static final int MAX_STEPS = 20;
    static final int MAX_TARGETS = 20;
    static final int MAX_DELAY = 1440;
    static final int MAX_REPEAT = 10;

    /** A checked definition with defaults applied. */
    public record Valid(String name, String description, int repeatCount, int repeatDelayMinutes, boolean isDefault,
            List<Long> serviceIds, List<StoredPolicy.Step> steps) {
    }

    /** Whether a target of this kind and id exists. */
    @FunctionalInterface
    public interface Exists {
        boolean test(io.firebreak.escalation.TargetKind kind, long id);
    }

    private PolicyInput() {
    }

    public static Valid check(PolicyDefinition d, Exists exists) {
        if (d == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && description.length() > 2000) {
            throw new InvalidInputException("description", "must be at most 2000 characters");
        }
        int repeat = d.repeatCount() == null ? 0 : d.repeatCount();
        if (repeat < 0 || repeat > MAX_REPEAT) {
            throw new InvalidInputException("repeatCount", "must be 0-" + MAX_REPEAT);
        }
        int repeatDelay = d.repeatDelayMinutes() == null ? 0 : d.repeatDelayMinutes();
        if (repeat > 0 && (repeatDelay < 1 || repeatDelay > MAX_DELAY)) {
            throw new InvalidInputException("repeatDelayMinutes", "must be 1-" + MAX_DELAY + " when the policy repeats");
        }
        if (repeatDelay < 0 || repeatDelay > MAX_DELAY) {
            throw new InvalidInputException("repeatDelayMinutes", "must be 0-" + MAX_DELAY);
        }
        if (d.steps() == null || d.steps().isEmpty() || d.steps().size() > MAX_STEPS) {
            throw new InvalidInputException("steps", "must have 1-" + MAX_STEPS + " steps");
        }
        List<StoredPolicy.Step> steps = new ArrayList<>();
        for (int i = 0; i < d.steps().size(); i++) {
            steps.add(step(d.steps().get(i), "steps[" + i + "]", i + 1, exists));
        }
        List<Long> services = d.serviceIds() == null ? List.of() : d.serviceIds();
        if (services.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("serviceIds", "must not contain null");
        }
        return new Valid(d.name().strip(), description, repeat, repeatDelay, Boolean.TRUE.equals(d.isDefault()),
                List.copyOf(new java.util.LinkedHashSet<>(services)), steps);
    }

    private static StoredPolicy.Step step(PolicyStep s, String field, int number, Exists exists) {
        if (s == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        if (s.delayMinutes() == null || s.delayMinutes() < 0 || s.delayMinutes() > MAX_DELAY) {
            throw new InvalidInputException(field + ".delayMinutes", "must be 0-" + MAX_DELAY);
        }
        if (s.targets() == null || s.targets().isEmpty() || s.targets().size() > MAX_TARGETS) {
            throw new InvalidInputException(field + ".targets", "must have 1-" + MAX_TARGETS + " targets");
        }
        List<StoredPolicy.Target> targets = new ArrayList<>();
        for (int j = 0; j < s.targets().size(); j++) {
            PolicyTarget t = s.targets().get(j);
            String tf = field + ".targets[" + j + "]";
            if (t == null || t.kind() == null) {
                throw new InvalidInputException(tf + ".kind", "must be USER, SCHEDULE, TEAM or NEXT_ON_CALL");
            }
            if (t.id() == null || !exists.test(t.kind(), t.id())) {
                throw new InvalidInputException(tf + ".id", "no " + t.kind().name().toLowerCase().replace('_', ' ')
                        + (t.kind() == io.firebreak.escalation.TargetKind.NEXT_ON_CALL ? " schedule" : "")
                        + " with id " + t.id());
            }
            StoredPolicy.Target target = new StoredPolicy.Target(t.kind(), t.id());
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        return new StoredPolicy.Step(number, s.delayMinutes(), targets);
    }
}
