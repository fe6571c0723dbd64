package io.firebreak.escalation;

import java.util.List;

/**
 * An escalation policy as written by an admin. The whole policy runs {@code repeatCount} more times
 * after the first round, each new round starting {@code repeatDelayMinutes} after the last step
 * (at least 1 when repeating). {@code isDefault}: the policy of incidents whose services have none
 * (one default at most; making a policy default takes it from the previous one). {@code serviceIds}:
 * the services it escalates (a service has one policy at most: assigning it here moves it).
 */
public record PolicyDefinition(String name, String description, Integer repeatCount, Integer repeatDelayMinutes,
        Boolean isDefault, List<Long> serviceIds, List<PolicyStep> steps) {
}
