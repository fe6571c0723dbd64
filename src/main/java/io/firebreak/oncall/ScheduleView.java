package io.firebreak.oncall;

import java.util.List;

/** A schedule with its layers, highest position first. */
public record ScheduleView(long id, String name, String description, Long teamId, String timeZone,
        List<LayerView> layers) {

    public ScheduleView {
        layers = List.copyOf(layers);
    }

    public ScheduleSummary summary() {
        return new ScheduleSummary(id, name, teamId, timeZone);
    }
}
