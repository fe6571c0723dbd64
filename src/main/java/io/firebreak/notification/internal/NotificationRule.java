package io.firebreak.notification.internal;

/**
 * One step of a person's personal notification rules: {@code method} EMAIL (their identity email,
 * sent through the internal email channel's SMTP server) or CHANNEL (the configured channel
 * {@code channelId} posts the page @-mentioning them), {@code delayMinutes} after the page.
 */
public record NotificationRule(Method method, Long channelId, Integer delayMinutes) {

    /** How a rule reaches the person. */
    public enum Method {
        EMAIL, CHANNEL
    }

    /** The rule of a person who set none: email at once. */
    public static final NotificationRule EMAIL_AT_ONCE = new NotificationRule(Method.EMAIL, null, 0);
}
