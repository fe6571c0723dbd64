package io.firebreak.shared;

/**
 * Thrown when a request is well-formed but not allowed in the current state (an illegal
 * transition, a duplicate name); the API answers 409 with the message as the reason.
 */
public class ConflictException extends FirebreakException {

    public ConflictException(String message) {
        super(message);
    }

    /** With a message code (and arguments) for the reader's language; {@code message} is the English fallback. */
    public ConflictException(String code, String message, Object... arguments) {
        super(code, message, arguments);
    }
}
