package io.firebreak.incident.grouping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.firebreak.alert.AlertView;
import io.firebreak.alert.GroupingMode;
import io.firebreak.alert.GroupingPolicy;

/** Computes the group an alert belongs to under an integration's grouping policy. */
final class GroupKeys {

    static final int MAX = 500;

    private GroupKeys() {
    }

    /**
     * GROUP_KEY: the sender's group key, or the fingerprint when it sent none; SERVICE_AND_ALERTNAME:
     * the mapped service and label {@code alertname} (the title when absent); LABELS: the values of the
     * chosen labels (the fingerprint when none are chosen). Long keys are replaced by their SHA-256.
     */
    static String of(GroupingPolicy policy, AlertView alert) {
        GroupingMode mode = policy == null || policy.mode() == null ? GroupingMode.GROUP_KEY : policy.mode();
        Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
        String key = switch (mode) {
            case GROUP_KEY -> alert.groupKey() != null && !alert.groupKey().isBlank() ? "group:" + alert.groupKey()
                    : "alert:" + alert.fingerprint();
            case SERVICE_AND_ALERTNAME -> "service:" + (alert.serviceId() == null ? "-" : alert.serviceId())
                    + "|alertname:" + labels.getOrDefault("alertname", String.valueOf(alert.title()));
            case LABELS -> {
                List<String> chosen = policy.groupLabels() == null ? List.of() : policy.groupLabels();
                yield chosen.isEmpty() ? "alert:" + alert.fingerprint()
                        : "labels:" + chosen.stream().map(l -> l + "=" + labels.getOrDefault(l, ""))
                                .collect(Collectors.joining("|"));
            }
        };
        return key.length() <= MAX ? key : "sha256:" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
