package io.firebreak.probe.internal;

/**
 * The alerting rule of a health check, free of I/O: after {@code failureThreshold} consecutive
 * failures a check that is not alerting starts alerting (FIRE); after {@code successThreshold}
 * consecutive successes an alerting check stops (RESOLVE). Counters reset on the opposite result.
 */
public final class ProbeStateMachine {

    /** What the alert must do after a result. */
    public enum Transition {
        NONE, FIRE, RESOLVE
    }

    /** Counters and alerting flag after a result, and the transition it causes. */
    public record Step(int failures, int successes, boolean alerting, Transition transition) {
    }

    private ProbeStateMachine() {
    }

    public static Step next(int failures, int successes, boolean alerting, boolean ok, int failureThreshold,
            int successThreshold) {
        if (ok) {
            int s = successes + 1;
            if (alerting && s >= successThreshold) {
                return new Step(0, s, false, Transition.RESOLVE);
            }
            return new Step(0, s, alerting, Transition.NONE);
        }
        int f = failures + 1;
        if (!alerting && f >= failureThreshold) {
            return new Step(f, 0, true, Transition.FIRE);
        }
        return new Step(f, 0, alerting, Transition.NONE);
    }
}
