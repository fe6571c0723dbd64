package io.firebreak.shared;

/**
 * Thrown when the caller is authenticated but a business rule reserves the action to someone
 * else (for example closing an unverified incident without being a commander); the API answers 403.
 */
public class PermissionDeniedException extends RuntimeException {

    public PermissionDeniedException(String message) {
        super(message);
    }
}
