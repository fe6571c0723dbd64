package io.firebreak.alert;

/** How a silence matcher compares a label: equal, not equal, matches regex, does not match regex (full match). */
public enum MatchOp {
    EQ("="), NE("!="), RE("=~"), NRE("!~");

    private final String symbol;

    MatchOp(String symbol) {
        this.symbol = symbol;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String symbol() {
        return symbol;
    }

    /** Parses "=", "!=", "=~", "!~" or the enum name; null when unknown. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static MatchOp parse(String s) {
        if (s == null) {
            return null;
        }
        for (MatchOp op : values()) {
            if (op.symbol.equals(s.trim()) || op.name().equalsIgnoreCase(s.trim())) {
                return op;
            }
        }
        return null;
    }
}
