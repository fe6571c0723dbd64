package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Both languages of the clock rules bundle have the same keys, none empty, and a text for every value shown. */
class ClockRuleMessagesTests {

    @Test
    void englishAndChineseHaveTheSameKeysAndEveryValueHasAText() throws Exception {
        Properties en = load("messages/clockrules.properties");
        Properties zh = load("messages/clockrules_zh_CN.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        for (ClockRuleAction a : ClockRuleAction.values()) {
            assertThat(en).containsKey("clockrules.action." + a);
        }
        for (ClockRuleAnchor a : ClockRuleAnchor.values()) {
            assertThat(en).containsKey("clockrules.anchor." + a).containsKey("clockrules.when." + a);
        }
        for (ClockRuleField f : ClockRuleField.values()) {
            assertThat(en).containsKey("clockrules.missing." + f);
        }
        for (ClockRiskState s : ClockRiskState.values()) {
            assertThat(en).containsKey("clockrules.risk." + s);
        }
    }

    @Test
    void everyActionHasATimelineTextInBothLanguages() throws Exception {
        Properties en = load("messages/timeline.properties");
        Properties zh = load("messages/timeline_zh_CN.properties");
        for (ClockRuleAction a : ClockRuleAction.values()) {
            assertThat(en).containsKey("timeline.clockRule." + a);
            assertThat(zh).containsKey("timeline.clockRule." + a);
        }
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (var in = ClockRuleMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
