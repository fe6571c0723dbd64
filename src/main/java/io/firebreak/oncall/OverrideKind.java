package io.firebreak.oncall;

/** Why an override exists: made directly, "take this shift now", or one half of a swap. */
public enum OverrideKind {
    OVERRIDE, TAKE, SWAP
}
