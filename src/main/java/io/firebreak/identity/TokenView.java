package io.firebreak.identity;

import java.time.Instant;

/** An API token as it may be shown after creation: never the secret, only its first characters. */
public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
