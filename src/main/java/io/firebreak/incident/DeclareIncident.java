package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

import io.firebreak.severity.TriageAnswers;

/**
 * What declaring an incident takes. {@code levelCode} may be null when {@code triage} answers are
 * given: the triage recommendation is then used. A level given together with triage answers
 * counts as confirmed (the TRIAGED stage is stamped). {@code detectedAt} defaults to now.
 */
public record DeclareIncident(String title, String description, List<Long> serviceIds, String levelCode,
        TriageAnswers triage, String impactSummary, Instant detectedAt) {
}
