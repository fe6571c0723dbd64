package io.firebreak.alert.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.firebreak.alert.LabelMatcher;
import io.firebreak.alert.Suppression;

/** The silences, maintenance windows and global switch in force at one instant, read once per write batch. */
record SuppressionSnapshot(boolean panic, Set<Long> servicesInMaintenance, List<List<LabelMatcher>> silences) {

    Suppression evaluate(Long serviceId, Map<String, String> labels) {
        if (panic) {
            return Suppression.PANIC;
        }
        if (serviceId != null && servicesInMaintenance.contains(serviceId)) {
            return Suppression.MAINTENANCE;
        }
        for (List<LabelMatcher> silence : silences) {
            if (!silence.isEmpty() && silence.stream().allMatch(m -> m.matches(labels))) {
                return Suppression.SILENCED;
            }
        }
        return null;
    }
}
