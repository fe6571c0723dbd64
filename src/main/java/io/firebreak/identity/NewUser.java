package io.firebreak.identity;

/** What is needed to create a user; the password is given in clear and stored only hashed. */
public record NewUser(String username, String displayName, String email, String phone, String locale,
        String timeZone, Role role, String password) {
}
