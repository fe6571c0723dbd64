package io.firebreak.escalation;

import java.util.List;

/**
 * A clock rule as an administrator writes it (API body and form). Values are loosely typed so
 * that any input can be validated with an error naming the field:
 * <ul>
 * <li>{@code nameEn} required, {@code nameZh} optional (the English name is used when blank);</li>
 * <li>{@code levels}: level codes (empty: any level); {@code stages}: incident statuses before
 * CLOSED (empty: any status before RESOLVED);</li>
 * <li>{@code anchor}: DETECTION, LAST_STAGE or TARGET; {@code after}: minutes after the anchor, or
 * for TARGET a percentage (1–100) of each running target; {@code businessTime}: count minutes in
 * the working calendar;</li>
 * <li>{@code missingField}: optional {@link ClockRuleField}; {@code unacknowledged}: only while
 * the incident is DETECTED; {@code repeatMinutes}: optional cadence after the first firing;</li>
 * <li>{@code actions}: one or more {@link ClockRuleAction}; {@code raiseTo} for RAISE_LEVEL; the
 * audience ({@code audienceUsers}, {@code audienceTeams}, {@code audienceManagement}: the team
 * named "management", else every admin) for PAGE_AUDIENCE and as the fallback of role reminders.</li>
 * </ul>
 */
public record ClockRuleDefinition(String nameEn, String nameZh, Boolean enabled, List<String> levels,
        List<String> stages, String anchor, Integer after, Boolean businessTime, String missingField,
        Boolean unacknowledged, Integer repeatMinutes, List<String> actions, String raiseTo, List<Long> audienceUsers,
        List<Long> audienceTeams, Boolean audienceManagement) {
}
