package io.firebreak.oncall;

/** What an admin gives to create or change a schedule; {@code teamId} may be null, {@code timeZone} is an IANA zone id. */
public record ScheduleDefinition(String name, String description, Long teamId, String timeZone) {
}
