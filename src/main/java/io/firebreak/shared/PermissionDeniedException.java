package io.firebreak.shared;

/**
 * Thrown when the caller is authenticated but a business rule reserves the action to someone
 * else (for example closing an unverified incident without being a commander); the API answers 403.
 */
public class PermissionDeniedException extends FirebreakException {

    public PermissionDeniedException(String message) {
        super(message);
    }

    /** With a message code (and arguments) for the reader's language; {@code message} is the English fallback. */
    public PermissionDeniedException(String code, String message, Object... arguments) {
        super(code, message, arguments);
    }
}
