package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Both languages of the alert bundle have the same keys, none empty. */
class AlertMessagesTests {

    @Test
    void englishAndChineseHaveTheSameKeys() throws Exception {
        Properties en = load("messages/alert.properties");
        Properties zh = load("messages/alert_zh_CN.properties");
        assertThat(en).isNotEmpty();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (var in = AlertMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
