package io.firebreak.alert.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private Json() {
    }

    public static String map(Map<String, String> map) {
        ObjectNode node = MAPPER.createObjectNode();
        // Sorted so the same labels always give the same text (and the same fingerprint).
        new TreeMap<>(map == null ? Map.of() : map).forEach(node::put);
        return node.toString();
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
