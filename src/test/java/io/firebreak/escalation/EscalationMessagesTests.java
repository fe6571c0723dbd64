package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Both languages of the escalation bundle have the same keys, none empty, and every stop reason has a text. */
class EscalationMessagesTests {

    @Test
    void englishAndChineseHaveTheSameKeys() throws Exception {
        Properties en = load("messages/escalation.properties");
        Properties zh = load("messages/escalation_zh_CN.properties");
        assertThat(en).isNotEmpty();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        for (TargetKind kind : TargetKind.values()) {
            assertThat(en).containsKey("escalation.target." + kind.name());
        }
    }

    @Test
    void everyStopReasonHasATimelineTextInBothLanguages() throws Exception {
        Properties en = load("messages/timeline.properties");
        Properties zh = load("messages/timeline_zh_CN.properties");
        for (String reason : new String[] { "ACKNOWLEDGED", "RESOLVED", "CLOSED", "EXHAUSTED", "REASSIGNED" }) {
            assertThat(en).containsKey("timeline.escalation.stopped." + reason);
            assertThat(zh).containsKey("timeline.escalation.stopped." + reason);
        }
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (var in = EscalationMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
