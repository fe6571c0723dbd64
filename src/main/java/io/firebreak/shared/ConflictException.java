package io.firebreak.shared;

/**
 * Thrown when a request is well-formed but not allowed in the current state (an illegal
 * transition, a duplicate name); the API answers 409 with the message as the reason.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
