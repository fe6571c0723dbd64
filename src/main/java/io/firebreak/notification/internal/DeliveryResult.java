package io.firebreak.notification.internal;

/**
 * What a provider answered to one attempt: {@code outcome} says whether it was delivered, may be
 * retried (5xx, 429, timeouts, connection errors) or failed for good (other 4xx, refused URL).
 */
public record DeliveryResult(Outcome outcome, Integer statusCode, String response, String error) {

    /** The three possible ends of an attempt. */
    public enum Outcome {
        SENT, RETRY, FAILED
    }

    static DeliveryResult sent(int status, String response) {
        return new DeliveryResult(Outcome.SENT, status, response, null);
    }

    static DeliveryResult retry(Integer status, String response, String error) {
        return new DeliveryResult(Outcome.RETRY, status, response, error);
    }

    static DeliveryResult failed(Integer status, String response, String error) {
        return new DeliveryResult(Outcome.FAILED, status, response, error);
    }
}
