package io.firebreak.severity;

/** Why the questionnaire recommended a level: a stable code and a sentence in the caller's language. */
public record TriageReason(String code, String message) {
}
