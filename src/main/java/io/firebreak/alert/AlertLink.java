package io.firebreak.alert;

/** A link an alert carries (runbook, dashboard, generator URL); {@code text} may be null. */
public record AlertLink(String href, String text) {
}
