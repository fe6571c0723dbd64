package io.firebreak.incident;

/** The eight response stages of the seed process; every stage an incident reaches is stamped with time and actor. TRIAGED is reached when the level is confirmed, not by a status change. */
public enum Stage {
    DETECTED, ACKNOWLEDGED, TRIAGED, INVESTIGATING, MITIGATED, RESOLVED, VERIFIED, CLOSED
}
