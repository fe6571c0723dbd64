package io.firebreak.incident.grouping;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.firebreak.incident.InhibitionRuleView;
import io.firebreak.incident.LabelMatcher;
import io.firebreak.shared.InvalidInputException;

/** Evaluates and validates label matchers and inhibition rules (Alertmanager semantics). */
public final class Matchers {

    public static final Set<String> OPS = Set.of("=", "!=", "=~", "!~");

    private Matchers() {
    }

    /** Whether every matcher holds for the labels (an absent label is the empty string). */
    static boolean all(List<LabelMatcher> matchers, Map<String, String> labels) {
        for (LabelMatcher m : matchers) {
            String value = labels == null ? "" : labels.getOrDefault(m.label(), "");
            boolean ok = switch (m.op()) {
                case "=" -> value.equals(m.value());
                case "!=" -> !value.equals(m.value());
                case "=~" -> Pattern.compile(m.value()).matcher(value).matches();
                case "!~" -> !Pattern.compile(m.value()).matcher(value).matches();
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code source} (firing) inhibits {@code target} under the rule. */
    static boolean inhibits(InhibitionRuleView rule, Map<String, String> source, Map<String, String> target) {
        if (!all(rule.source(), source) || !all(rule.target(), target)) {
            return false;
        }
        for (String label : rule.equal()) {
            String a = source == null ? "" : source.getOrDefault(label, "");
            String b = target == null ? "" : target.getOrDefault(label, "");
            if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    /** Checks a list of matchers from input, naming the offending field ({@code source[0].value}). */
    public static List<LabelMatcher> validate(String field, List<LabelMatcher> matchers, boolean required) {
        if (matchers == null || matchers.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "needs at least one matcher");
            }
            return List.of();
        }
        if (matchers.size() > 20) {
            throw new InvalidInputException(field, "has more than 20 matchers");
        }
        for (int i = 0; i < matchers.size(); i++) {
            LabelMatcher m = matchers.get(i);
            String at = field + "[" + i + "]";
            if (m == null) {
                throw new InvalidInputException(at, "must not be null");
            }
            if (m.label() == null || m.label().isBlank() || m.label().length() > 100) {
                throw new InvalidInputException(at + ".label", "is required (at most 100 characters)");
            }
            if (m.op() == null || !OPS.contains(m.op())) {
                throw new InvalidInputException(at + ".op", "must be one of =, !=, =~, !~");
            }
            if (m.value() == null || m.value().length() > 500) {
                throw new InvalidInputException(at + ".value", "is required (at most 500 characters)");
            }
            if (m.op().endsWith("~")) {
                try {
                    Pattern.compile(m.value());
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException(at + ".value", "is not a valid regular expression");
                }
            }
        }
        return matchers.stream().map(m -> new LabelMatcher(m.label().strip(), m.op(), m.value())).toList();
    }
}
