package io.firebreak.alert;

import java.time.Instant;

/** The global maintenance switch ("panic mode"): on or off, who switched it, why and since when. */
public record GlobalMaintenance(boolean enabled, String changedBy, String reason, Instant since) {

    public static GlobalMaintenance off() {
        return new GlobalMaintenance(false, null, null, null);
    }
}
