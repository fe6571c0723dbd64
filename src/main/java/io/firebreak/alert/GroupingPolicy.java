package io.firebreak.alert;

import java.time.Duration;
import java.util.List;

/**
 * An integration's rules for turning its alerts into incidents, applied by the incident module.
 * {@code groupLabels} is used with {@link GroupingMode#LABELS}; {@code window} is how long after an
 * incident of the group was opened new alerts still join it while it is open; {@code openAfterFirings}
 * within {@code flapWindow} is the flap control (1 = open at once); {@code maxReopensPerDay} caps how
 * often one alert may re-open an incident; {@code autoResolve} moves the incident to RESOLVED when
 * all its alerts resolved (otherwise only a note is added).
 */
public record GroupingPolicy(GroupingMode mode, List<String> groupLabels, Duration window, int openAfterFirings,
        Duration flapWindow, int maxReopensPerDay, boolean autoResolve) {

    public static GroupingPolicy defaults() {
        return new GroupingPolicy(GroupingMode.GROUP_KEY, List.of(), Duration.ofHours(4), 1, Duration.ofMinutes(10),
                3, true);
    }
}
