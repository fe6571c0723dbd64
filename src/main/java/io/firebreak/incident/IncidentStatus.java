package io.firebreak.incident;

/** Where an incident is in its lifecycle; forward moves may skip stages, backward moves only by reopening. */
public enum IncidentStatus {
    DETECTED, ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED, VERIFIED, CLOSED
}
