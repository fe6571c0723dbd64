package io.firebreak.alert;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One condition of a silence on a label. A missing label counts as the empty string, as in
 * Alertmanager; regexes are anchored (they must match the whole value).
 */
public record LabelMatcher(String name, MatchOp op, String value) {

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQ -> actual.equals(value);
            case NE -> !actual.equals(value);
            case RE -> Pattern.compile(value).matcher(actual).matches();
            case NRE -> !Pattern.compile(value).matcher(actual).matches();
        };
    }
}
