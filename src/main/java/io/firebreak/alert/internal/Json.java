package io.firebreak.alert.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firebreak.alert.AlertLink;
import io.firebreak.alert.LabelMatcher;
import io.firebreak.alert.MatchOp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON text of the alert tables' label, link and matcher columns. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Json() {
    }

    /**
     * The map as a JSON object with its keys sorted, so the same labels always give the same text
     * (and the same fingerprint). Written by hand, character for character what Jackson writes
     * (JsonTests compares them): it runs several times per alert on the ingestion path.
     */
    public static String map(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return "{}";
        }
        String[] keys = map.keySet().toArray(String[]::new);
        Arrays.sort(keys);
        StringBuilder out = new StringBuilder(16 + keys.length * 32).append('{');
        for (int i = 0; i < keys.length; i++) {
            quote(out.append(i == 0 ? "" : ","), keys[i]).append(':');
            String value = map.get(keys[i]);
            if (value == null) {
                out.append("null");
            } else {
                quote(out, value);
            }
        }
        return out.append('}').toString();
    }

    /** Appends {@code s} as a JSON string: quote, backslash and control characters escaped, the rest as is. */
    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    public static Map<String, String> map(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        MAPPER.readTree(text).properties().forEach(e -> result.put(e.getKey(), e.getValue().asString()));
        return result;
    }

    public static String links(List<AlertLink> links) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (AlertLink l : links == null ? List.<AlertLink>of() : links) {
            ObjectNode o = arr.addObject();
            o.put("href", l.href());
            if (l.text() != null) {
                o.put("text", l.text());
            }
        }
        return arr.toString();
    }

    public static List<AlertLink> links(String text) {
        List<AlertLink> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (JsonNode n : MAPPER.readTree(text)) {
            result.add(new AlertLink(n.path("href").asString(), n.has("text") ? n.get("text").asString() : null));
        }
        return result;
    }

    public static String matchers(List<LabelMatcher> matchers) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (LabelMatcher m : matchers) {
            arr.addObject().put("name", m.name()).put("op", m.op().symbol()).put("value", m.value());
        }
        return arr.toString();
    }

    public static List<LabelMatcher> matchers(String text) {
        List<LabelMatcher> result = new ArrayList<>();
        for (JsonNode n : MAPPER.readTree(text)) {
            result.add(new LabelMatcher(n.path("name").asString(), MatchOp.parse(n.path("op").asString()),
                    n.path("value").asString()));
        }
        return result;
    }
}
