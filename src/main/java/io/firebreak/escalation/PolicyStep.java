package io.firebreak.escalation;

import java.util.List;

/**
 * One step of a policy as written by an admin: paged {@code delayMinutes} after the previous step
 * (the first step: after the incident opens, usually 0), to every target.
 */
public record PolicyStep(Integer delayMinutes, List<PolicyTarget> targets) {
}
