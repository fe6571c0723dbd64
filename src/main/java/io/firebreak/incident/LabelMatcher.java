package io.firebreak.incident;

/**
 * One label condition of an inhibition rule: {@code op} is "=" (equal), "!=" (not equal),
 * "=~" (the whole value matches the regular expression) or "!~" (it does not). A missing label
 * counts as the empty string, as in Alertmanager.
 */
public record LabelMatcher(String label, String op, String value) {
}
