package io.firebreak.oncall;

/** A schedule as other modules see it: for pickers and labels. {@code teamId} is null when no team owns it. */
public record ScheduleSummary(long id, String name, Long teamId, String timeZone) {
}
