package io.firebreak.incident.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firebreak.alert.AlertStatus;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.GroupingMode;
import io.firebreak.alert.GroupingPolicy;
import io.firebreak.incident.InhibitionRuleView;
import io.firebreak.incident.LabelMatcher;
import io.firebreak.shared.InvalidInputException;

/** Group keys per policy mode, matchers and inhibition, titles: plain rules without Spring. */
class GroupingUnitTests {

    private static AlertView alert(String groupKey, String fingerprint, Long service, Map<String, String> labels) {
        AlertView a = FakeFeed.alert(1, 7, groupKey, "Title", labels, null, service, AlertStatus.FIRING, null);
        return new AlertView(a.id(), a.integrationId(), a.integrationName(), a.source(), fingerprint, a.groupKey(),
                a.title(), a.description(), a.status(), a.severity(), a.levelCode(), a.serviceId(), a.labels(),
                a.annotations(), a.links(), a.startsAt(), a.endsAt(), a.firstSeenAt(), a.lastSeenAt(), a.resolvedAt(),
                a.fireCount(), a.suppression(), a.acknowledged());
    }

    private static GroupingPolicy policy(GroupingMode mode, List<String> labels) {
        return new GroupingPolicy(mode, labels, Duration.ofHours(1), 1, Duration.ofMinutes(5), 3, true);
    }

    @Test
    void groupKeyModeUsesTheSendersGroupOrTheFingerprint() {
        GroupingPolicy p = policy(GroupingMode.GROUP_KEY, List.of());
        assertThat(GroupKeys.of(p, alert("{}:{a=1}", "f1", null, Map.of())))
                .isEqualTo(GroupKeys.of(p, alert("{}:{a=1}", "f2", null, Map.of())));
        assertThat(GroupKeys.of(p, alert(null, "f1", null, Map.of())))
                .isNotEqualTo(GroupKeys.of(p, alert(null, "f2", null, Map.of())));
        assertThat(GroupKeys.of(p, alert(" ", "f1", null, Map.of()))).isEqualTo("alert:f1");
        assertThat(GroupKeys.of(null, alert("g", "f1", null, Map.of()))).isEqualTo("group:g");
    }

    @Test
    void serviceAndAlertnameModeNeedsBothEqual() {
        GroupingPolicy p = policy(GroupingMode.SERVICE_AND_ALERTNAME, List.of());
        String a = GroupKeys.of(p, alert(null, "f1", 3L, Map.of("alertname", "Latency", "instance", "a")));
        String b = GroupKeys.of(p, alert(null, "f2", 3L, Map.of("alertname", "Latency", "instance", "b")));
        String c = GroupKeys.of(p, alert(null, "f3", 4L, Map.of("alertname", "Latency")));
        String d = GroupKeys.of(p, alert(null, "f4", 3L, Map.of("alertname", "Errors")));
        assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo(d);
    }

    @Test
    void labelsModeUsesTheChosenLabelsAndHashesLongKeys() {
        GroupingPolicy p = policy(GroupingMode.LABELS, List.of("cluster", "team"));
        String a = GroupKeys.of(p, alert(null, "f1", null, Map.of("cluster", "eu", "team", "core", "x", "1")));
        String b = GroupKeys.of(p, alert(null, "f2", null, Map.of("cluster", "eu", "team", "core", "x", "2")));
        String c = GroupKeys.of(p, alert(null, "f3", null, Map.of("cluster", "eu")));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(GroupKeys.of(policy(GroupingMode.LABELS, List.of()), alert(null, "f9", null, Map.of())))
                .isEqualTo("alert:f9");
        String longKey = GroupKeys.of(p, alert(null, "f", null, Map.of("cluster", "x".repeat(800))));
        assertThat(longKey).startsWith("sha256:").hasSizeLessThanOrEqualTo(GroupKeys.MAX);
    }

    @Test
    void matchersFollowAlertmanagerSemantics() {
        Map<String, String> labels = Map.of("severity", "warning", "env", "prod");
        assertThat(Matchers.all(List.of(new LabelMatcher("severity", "=", "warning")), labels)).isTrue();
        assertThat(Matchers.all(List.of(new LabelMatcher("severity", "!=", "warning")), labels)).isFalse();
        assertThat(Matchers.all(List.of(new LabelMatcher("severity", "=~", "warn")), labels)).as("anchored").isFalse();
        assertThat(Matchers.all(List.of(new LabelMatcher("severity", "=~", "warning|info")), labels)).isTrue();
        assertThat(Matchers.all(List.of(new LabelMatcher("team", "=", "")), labels)).as("missing is empty").isTrue();
        assertThat(Matchers.all(List.of(new LabelMatcher("env", "!~", "stag.*")), labels)).isTrue();
    }

    @Test
    void inhibitionNeedsSourceTargetAndEqualLabels() {
        var rule = new InhibitionRuleView(1, "r", List.of(new LabelMatcher("alertname", "=", "NodeDown")),
                List.of(new LabelMatcher("severity", "=~", "warning|info")), List.of("cluster"), "admin", Instant.EPOCH);
        var source = Map.of("alertname", "NodeDown", "cluster", "a");
        assertThat(Matchers.inhibits(rule, source, Map.of("severity", "warning", "cluster", "a"))).isTrue();
        assertThat(Matchers.inhibits(rule, source, Map.of("severity", "warning", "cluster", "b"))).isFalse();
        assertThat(Matchers.inhibits(rule, source, Map.of("severity", "critical", "cluster", "a"))).isFalse();
        assertThat(Matchers.inhibits(rule, Map.of("alertname", "Other", "cluster", "a"),
                Map.of("severity", "warning", "cluster", "a"))).isFalse();
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> Matchers.validate("source", List.of(), true)).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("source");
        assertThatThrownBy(() -> Matchers.validate("target", List.of(new LabelMatcher("a", "=~", "(")), true))
                .extracting("field").isEqualTo("target[0].value");
        assertThatThrownBy(() -> Matchers.validate("target", List.of(new LabelMatcher(" ", "=", "x")), true))
                .extracting("field").isEqualTo("target[0].label");
        assertThat(Matchers.validate("s", List.of(new LabelMatcher(" a ", "=", "x")), true))
                .containsExactly(new LabelMatcher("a", "=", "x"));
    }

    @Test
    void titlesCountFiringAlerts() {
        String base = Titles.base("  HighErrorRate\n checkout ");
        assertThat(base).isEqualTo("HighErrorRate checkout");
        assertThat(Titles.of(base, 3)).isEqualTo("[FIRING:3] HighErrorRate checkout");
        assertThat(Titles.of(base, 0)).isEqualTo("[RESOLVED] HighErrorRate checkout");
        assertThat(Titles.of(Titles.base("x".repeat(500)), 12345)).hasSizeLessThanOrEqualTo(200);
        assertThat(AlertGrouper.actor("y".repeat(100))).hasSize(64).startsWith("alert:");
    }
}
