package io.firebreak.severity;

import java.util.List;

/**
 * New settings of the working calendar (holidays are changed one by one): a time zone id
 * ("Asia/Shanghai"), working days as {@link java.time.DayOfWeek} names or three-letter
 * abbreviations ("MON"), and the working hours as {@code HH:mm}. Validation errors name these
 * record components.
 */
public record WorkingCalendarChange(String timeZone, List<String> workingDays, String dayStart, String dayEnd) {
}
