package io.firebreak.identity;

/** A person's change to their own profile; a null or blank locale or time zone keeps the current one. */
public record ProfileUpdate(String displayName, String email, String phone, String locale, String timeZone) {
}
