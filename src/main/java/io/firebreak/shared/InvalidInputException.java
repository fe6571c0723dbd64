package io.firebreak.shared;

/** Thrown when one input field is invalid; the API answers 400 naming {@link #field()}. */
public class InvalidInputException extends FirebreakException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** With a message code (and arguments) for the reader's language; {@code message} is the English fallback. */
    public InvalidInputException(String field, String code, String message, Object... arguments) {
        super(code, message, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
