package io.firebreak.shared;

/** Thrown when one input field is invalid; the API answers 400 naming {@link #field()}. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
