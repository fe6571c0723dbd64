package io.firebreak.alert;

/**
 * Entries up to {@code lastSeq} were appended to the alert feed in the current transaction (they
 * become readable when it commits). Published synchronously inside that transaction so a consumer
 * can wake up after the commit instead of waiting for its next poll.
 */
public record AlertFeedAppended(long lastSeq) {
}
