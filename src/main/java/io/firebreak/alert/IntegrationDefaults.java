package io.firebreak.alert;

import java.util.Map;

/**
 * Defaults of a new integration: sender severities mapped onto the default P0–P3 scheme. P0 is
 * kept for people to declare (a whole-business outage is a judgement, not a threshold), so the
 * most severe machine value maps to P1.
 */
public final class IntegrationDefaults {

    /** critical → P1; high, error, major → P2; warning, minor, low, info → P3. */
    public static final Map<String, String> SEVERITY_MAPPING = Map.of("critical", "P1", "high", "P2", "error", "P2",
            "major", "P2", "warning", "P3", "minor", "P3", "low", "P3", "info", "P3");

    /** Level of an alert whose severity is missing or not in the mapping. */
    public static final String DEFAULT_LEVEL = "P2";

    /** Label whose value names the service when no fixed service is set. */
    public static final String SERVICE_LABEL = "service";

    private IntegrationDefaults() {
    }
}
