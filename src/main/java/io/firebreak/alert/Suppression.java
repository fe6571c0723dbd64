package io.firebreak.alert;

/** Why a stored alert opens nothing: a matching silence, a service maintenance window, or the global switch. */
public enum Suppression {
    SILENCED, MAINTENANCE, PANIC
}
