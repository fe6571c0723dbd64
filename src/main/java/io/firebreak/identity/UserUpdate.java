package io.firebreak.identity;

/**
 * An administrator's change to a user: every field is replaced, except that a null {@code role} or
 * {@code enabled} keeps the current value and a null or empty {@code password} keeps the current password.
 */
public record UserUpdate(String displayName, String email, String phone, String locale, String timeZone, Role role,
        Boolean enabled, String password) {
}
