package io.firebreak.identity;

/** A freshly created token: {@link #token()} is the secret, returned this once and never again. */
public record IssuedToken(TokenView view, String token) {
}
