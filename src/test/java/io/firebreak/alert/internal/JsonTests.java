package io.firebreak.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Json#map(Map)} is written by hand for speed, but stored labels and every fingerprint
 * derived from them were written by Jackson: the two must agree character for character.
 */
class JsonTests {

    /** What Json.map wrote before: Jackson's text of an object node with the keys sorted. */
    private static String jackson(Map<String, String> map) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        new TreeMap<>(map).forEach(node::put);
        return node.toString();
    }

    @Test
    void everyCharacterIsWrittenAsJacksonWritesIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            Map<String, String> labels = Map.of("k" + (char) c, "v" + (char) c + "x");
            assertThat(Json.map(labels)).as("U+%04X", c).isEqualTo(jackson(labels));
        }
    }

    @Test
    void keysAreSortedAndNullValuesAndEmptyMapsMatch() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("zone", "eu-1");
        labels.put("alertname", "Disk \"full\" \\ 磁盘");
        labels.put("Instance", null);
        labels.put("", "");
        assertThat(Json.map(labels)).isEqualTo(jackson(labels))
                .isEqualTo("{\"\":\"\",\"Instance\":null,\"alertname\":\"Disk \\\"full\\\" \\\\ 磁盘\",\"zone\":\"eu-1\"}");
        assertThat(Json.map(Map.of())).isEqualTo(jackson(Map.of())).isEqualTo("{}");
        assertThat(Json.map((Map<String, String>) null)).isEqualTo("{}");
    }

    @Test
    void randomLabelSetsMatch() {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            Map<String, String> labels = new HashMap<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                labels.put(randomText(random), randomText(random));
            }
            assertThat(Json.map(labels)).isEqualTo(jackson(labels));
            assertThat(Json.map(Json.map(labels))).isEqualTo(labels);
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x40) : random.nextInt(0xD800)));
        }
        return s.toString();
    }
}
