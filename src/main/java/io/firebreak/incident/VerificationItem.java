package io.firebreak.incident;

import java.time.Instant;

/** One item of the verification checklist: whether it passed, who checked it, when, with an optional note. */
public record VerificationItem(VerificationCheck check, boolean passed, String by, Instant at, String note) {
}
