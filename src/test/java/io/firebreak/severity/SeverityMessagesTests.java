package io.firebreak.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.firebreak.severity.internal.TriageRules;

/** Both languages of the severity bundle are complete: same keys, a sentence for every reason and unit. */
class SeverityMessagesTests {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = SeverityMessagesTests.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Properties en = load("severity.properties");
        Properties zh = load("severity_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).allMatch(k -> k.startsWith("severity."));
        assertThat(zh.stringPropertyNames()).allMatch(k -> !zh.getProperty(k).isBlank());
    }

    @Test
    void everyReasonCodeAndUnitHasAMessage() throws IOException {
        Properties en = load("severity.properties");
        Set<String> codes = Stream.of("P0-P3", "P1-P4", "L1-L4")
                .flatMap(s -> Stream.of(
                        new TriageAnswers(true, true, true, 5L, 100, BusinessImpact.CORE, true, true, true),
                        new TriageAnswers(false, false, false, 5L, 50, BusinessImpact.SECONDARY, false, false, false),
                        new TriageAnswers(false, false, false, 0L, 10, BusinessImpact.NONE, null, null, null),
                        new TriageAnswers(false, false, false, null, 0, null, null, null, null),
                        new TriageAnswers(false, false, false, null, null, null, null, null, null),
                        TriageAnswers.none())
                        .flatMap(a -> TriageRules.evaluate(s, a).stream()))
                .map(TriageRules.Hit::code).collect(Collectors.toSet());
        assertThat(codes).hasSizeGreaterThan(15);
        assertThat(codes).allMatch(c -> en.containsKey("severity.triage.reason." + c), "has a reason message");
        for (TargetUnit unit : TargetUnit.values()) {
            assertThat(en).containsKeys("severity.unit." + unit.name(), "severity.target." + unit.name());
        }
    }
}
