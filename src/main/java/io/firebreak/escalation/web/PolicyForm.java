package io.firebreak.escalation.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;

import io.firebreak.escalation.PolicyDefinition;
import io.firebreak.escalation.PolicyStep;
import io.firebreak.escalation.PolicyTarget;
import io.firebreak.escalation.PolicyView;
import io.firebreak.escalation.TargetKind;
import io.firebreak.shared.InvalidInputException;

/**
 * The policy editor's form as posted: every value a string so no input fails binding. Steps are
 * rows {@code delay_i} and {@code targets_i} (values like "SCHEDULE:3"); a row without targets is
 * left out, which is how a step is removed. Two blank rows follow the steps for adding more.
 */
record PolicyForm(String name, String description, String repeatCount, String repeatDelayMinutes, boolean isDefault,
        List<String> serviceIds, List<StepForm> steps) {

    static final int BLANK_ROWS = 2;

    /** One step row. */
    record StepForm(String delay, List<String> targets) {

        public boolean has(TargetKind kind, long id) {
            return targets.contains(kind.name() + ":" + id);
        }
    }

    static PolicyForm blank() {
        return new PolicyForm("", "", "0", "", false, List.of(), withBlanks(List.of(new StepForm("0", List.of()))));
    }

    static PolicyForm of(PolicyView p) {
        List<StepForm> steps = p.steps().stream().map(s -> new StepForm(String.valueOf(s.delayMinutes()),
                s.targets().stream().map(t -> t.kind().name() + ":" + t.id()).toList())).toList();
        return new PolicyForm(p.name(), p.description() == null ? "" : p.description(), String.valueOf(p.repeatCount()),
                p.repeatCount() == 0 ? "" : String.valueOf(p.repeatDelayMinutes()), p.isDefault(),
                p.services().stream().map(s -> String.valueOf(s.id())).toList(), withBlanks(steps));
    }

    static PolicyForm from(MultiValueMap<String, String> params) {
        List<StepForm> steps = new ArrayList<>();
        int rows = (int) Math.min(50, parse(params.getFirst("stepCount"), "steps", 0));
        for (int i = 0; i < rows; i++) {
            List<String> targets = params.getOrDefault("targets_" + i, List.of());
            String delay = params.getFirst("delay_" + i);
            if (!targets.isEmpty()) {
                steps.add(new StepForm(delay == null ? "" : delay, List.copyOf(targets)));
            }
        }
        return new PolicyForm(params.getFirst("name"), params.getFirst("description"), params.getFirst("repeatCount"),
                params.getFirst("repeatDelayMinutes"), params.containsKey("isDefault"),
                params.getOrDefault("serviceIds", List.of()), steps);
    }

    /** The same form with blank rows after its steps, to show again after an error. */
    PolicyForm forEditing() {
        return new PolicyForm(name, description, repeatCount, repeatDelayMinutes, isDefault, serviceIds,
                withBlanks(steps));
    }

    public boolean hasService(long id) {
        return serviceIds.contains(String.valueOf(id));
    }

    PolicyDefinition toDefinition() {
        List<PolicyStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepForm s = steps.get(i);
            String field = "steps[" + i + "]";
            Integer delay = s.delay().isBlank() ? Integer.valueOf(0) : (int) parse(s.delay(), field + ".delayMinutes", -1);
            List<PolicyTarget> targets = new ArrayList<>();
            for (int j = 0; j < s.targets().size(); j++) {
                String[] kv = s.targets().get(j).split(":", 2);
                String tf = field + ".targets[" + j + "]";
                TargetKind kind;
                try {
                    kind = TargetKind.valueOf(kv[0]);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(tf + ".kind", "must be USER, SCHEDULE, TEAM or NEXT_ON_CALL");
                }
                targets.add(new PolicyTarget(kind, kv.length < 2 ? null : parse(kv[1], tf + ".id", -1)));
            }
            out.add(new PolicyStep(delay, targets));
        }
        List<Long> services = serviceIds.stream().map(id -> parse(id, "serviceIds", -1)).toList();
        return new PolicyDefinition(name, description, intOrNull(repeatCount, "repeatCount"),
                intOrNull(repeatDelayMinutes, "repeatDelayMinutes"), isDefault, services, out);
    }

    private static List<StepForm> withBlanks(List<StepForm> steps) {
        List<StepForm> all = new ArrayList<>(steps);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new StepForm("", List.of()));
        }
        return all;
    }

    private static Integer intOrNull(String value, String field) {
        return value == null || value.isBlank() ? null : (int) parse(value, field, -1);
    }

    private static long parse(String value, String field, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                throw new InvalidInputException(field, "is out of range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "is not a number");
        }
    }
}
