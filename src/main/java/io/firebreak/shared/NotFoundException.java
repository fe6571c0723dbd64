package io.firebreak.shared;

/** Thrown when a requested resource does not exist; the API answers 404. */
public class NotFoundException extends FirebreakException {

    public NotFoundException(String message) {
        super(message);
    }

    /** With a message code (and arguments) for the reader's language; {@code message} is the English fallback. */
    public NotFoundException(String code, String message, Object... arguments) {
        super(code, message, arguments);
    }
}
