package io.firebreak.alert.web;

/** A refused delivery: its HTTP status, a short title, what was wrong, and the offending field when there is one. */
class IngestionException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    IngestionException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    static IngestionException invalid(String field, String message) {
        return new IngestionException(400, "Invalid request", field + ": " + message, field);
    }

    static IngestionException unknownKey() {
        return new IngestionException(401, "Unauthorized", "Unknown, revoked or disabled integration key.", null);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }
}
