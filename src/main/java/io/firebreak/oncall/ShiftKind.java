package io.firebreak.oncall;

/**
 * How long one person's shift in a rotation lasts. Day-based kinds hand off at the layer's local
 * hand-off time in the schedule's time zone (so the wall-clock time holds across DST changes);
 * {@link #CUSTOM_HOURS} shifts are exact durations counted from the layer's first hand-off.
 */
public enum ShiftKind {
    DAILY, WEEKLY, CUSTOM_DAYS, CUSTOM_HOURS;

    /** The shift length in days (or hours for {@link #CUSTOM_HOURS}) given the stored custom length. */
    public int units(int customLength) {
        return switch (this) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case CUSTOM_DAYS, CUSTOM_HOURS -> customLength;
        };
    }
}
