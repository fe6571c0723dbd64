package io.firebreak.severity;

/**
 * Units a response or resolution target is counted in. Clock units count every minute; working
 * units count only the working hours of the calendar ("1 working day" is one working day's hours).
 */
public enum TargetUnit {
    MINUTES, HOURS, DAYS, WEEKS, WORKING_HOURS, WORKING_DAYS;

    public boolean business() {
        return this == WORKING_HOURS || this == WORKING_DAYS;
    }
}
