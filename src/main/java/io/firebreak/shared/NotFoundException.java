package io.firebreak.shared;

/** Thrown when a requested resource does not exist; the API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
