package io.firebreak.probe.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP statuses a check accepts: comma-separated codes (100-599) or classes ("2xx"); null or
 * blank means "2xx".
 */
public record ExpectedStatus(List<String> parts) {

    public static final String DEFAULT = "2xx";

    /** Parses the text, or throws {@link IllegalArgumentException} naming the bad part. */
    public static ExpectedStatus parse(String text) {
        String t = text == null || text.isBlank() ? DEFAULT : text;
        List<String> parts = new ArrayList<>();
        for (String raw : t.split(",")) {
            String p = raw.strip().toLowerCase();
            if (p.matches("[1-5]xx")) {
                parts.add(p);
            } else if (p.matches("[1-5][0-9][0-9]")) {
                parts.add(p);
            } else {
                throw new IllegalArgumentException("'" + raw.strip() + "' is not a status code (100-599) or class (2xx)");
            }
        }
        return new ExpectedStatus(List.copyOf(parts));
    }

    public boolean matches(int status) {
        String code = String.valueOf(status);
        for (String p : parts) {
            if (p.endsWith("xx") ? code.charAt(0) == p.charAt(0) && code.length() == 3 : p.equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The normalised text, e.g. "2xx,301". */
    public String text() {
        return String.join(",", parts);
    }
}
