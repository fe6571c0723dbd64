package io.firebreak.alert.internal;

/** The ingestion queue is full (429) or a commit did not finish in time (503); the sender should retry later. */
public class OverloadedException extends RuntimeException {

    private final boolean queueFull;

    public OverloadedException(boolean queueFull, String message) {
        super(message);
        this.queueFull = queueFull;
    }

    public boolean queueFull() {
        return queueFull;
    }
}
