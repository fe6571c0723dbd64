package io.firebreak.probe.internal;

/** The result of running one probe: passed or not, latency, HTTP status (if any) and the reason for a failure. */
public record Outcome(boolean ok, Long latencyMs, Integer statusCode, String error) {

    static final int MAX_ERROR = 500;

    public static Outcome failed(Long latencyMs, Integer statusCode, String error) {
        String e = error == null ? "failed" : error;
        return new Outcome(false, latencyMs, statusCode, e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e);
    }

    public static Outcome passed(long latencyMs, Integer statusCode) {
        return new Outcome(true, latencyMs, statusCode, null);
    }
}
