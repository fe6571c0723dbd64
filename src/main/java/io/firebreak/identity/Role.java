package io.firebreak.identity;

/**
 * The four global roles, each including every permission of the ones before it:
 * a viewer reads, a responder works incidents, a commander may also override rules
 * reserved to incident command, an admin also configures Firebreak.
 */
public enum Role {
    VIEWER, RESPONDER, COMMANDER, ADMIN;

    /** Whether this role includes every permission of {@code other}. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
