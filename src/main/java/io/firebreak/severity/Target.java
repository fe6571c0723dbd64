package io.firebreak.severity;

/** A response or resolution target such as "15 MINUTES" or "1 WORKING_DAYS". */
public record Target(int amount, TargetUnit unit) {

    public Target {
        if (amount <= 0) {
            throw new IllegalArgumentException("a target amount must be positive");
        }
        if (unit == null) {
            throw new IllegalArgumentException("a target needs a unit");
        }
    }
}
