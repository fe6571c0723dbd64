package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** Channels edited in the UI: admin only, secrets and URLs never shown back, empty fields keep them, disable. */
@FirebreakTest
class NotificationChannelPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    ChannelRepository channels;

    WebSession login(Role role) {
        return new WebSession(api.baseUrl()).login(users.create(role).username(), TestUsers.PASSWORD);
    }

    @Test
    void anAdminCreatesEditsAndDisablesAChannelWithoutSeeingItsSecrets() {
        WebSession admin = login(Role.ADMIN);
        admin.get("/notifications");
        String name = "ui-" + UUID.randomUUID();
        String url = "https://hooks.example.org/robot/secret-key-123";
        Map<String, Object> form = new HashMap<>(Map.of("name", name, "kind", "DINGTALK", "target", url, "secret",
                "SEC-very-secret", "levels", "P0,P1", "locale", "en"));
        assertThat(admin.post("/notifications/channels", form).status()).isEqualTo(302);
        ChannelConfig created = channels.findByName(name).orElseThrow();

        var edit = admin.get("/notifications/channels/" + created.id());
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("id=\"channel-edit-form\"").contains(name).contains(">set<")
                .doesNotContain("SEC-very-secret").doesNotContain("secret-key-123");

        var saved = admin.post("/notifications/channels/" + created.id(), Map.of("name", name + "-renamed", "kind",
                "DINGTALK", "target", "", "secret", "", "levels", "P2", "locale", "zh-CN", "mentions", "13800000000"));
        assertThat(saved.status()).isEqualTo(302);
        ChannelConfig after = channels.find(created.id()).orElseThrow();
        assertThat(after.name()).isEqualTo(name + "-renamed");
        assertThat(after.target()).isEqualTo(url);
        assertThat(after.secret()).isEqualTo("SEC-very-secret");
        assertThat(after.levels()).containsExactly("P2");
        assertThat(after.mentions()).containsExactly("13800000000");

        var bad = admin.post("/notifications/channels/" + created.id(), Map.of("name", "", "kind", "DINGTALK"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"channel-error\"");

        assertThat(admin.post("/notifications/channels/" + created.id() + "/enabled", Map.of("enabled", "false"))
                .status()).isEqualTo(302);
        assertThat(channels.find(created.id()).orElseThrow().enabled()).isFalse();
        assertThat(channels.find(created.id()).orElseThrow().secret()).isEqualTo("SEC-very-secret");
        assertThat(admin.get("/notifications").body()).contains(name + "-renamed");
    }

    @Test
    void nobodyButAnAdminSeesOrChangesChannels() {
        WebSession admin = login(Role.ADMIN);
        admin.get("/notifications");
        String name = "ui-" + UUID.randomUUID();
        admin.post("/notifications/channels", Map.of("name", name, "kind", "SLACK", "target",
                "https://hooks.example.org/services/T/B/x"));
        long id = channels.findByName(name).orElseThrow().id();
        WebSession commander = login(Role.COMMANDER);
        commander.get("/");
        assertThat(commander.get("/notifications/channels/" + id).status()).isEqualTo(403);
        assertThat(commander.post("/notifications/channels/" + id + "/enabled", Map.of("enabled", "false")).status())
                .isEqualTo(403);
        assertThat(commander.post("/notifications/channels/" + id, Map.of("name", "x", "kind", "SLACK")).status())
                .isEqualTo(403);
        assertThat(channels.find(id).orElseThrow().enabled()).isTrue();
        admin.post("/notifications/channels/" + id + "/enabled", Map.of("enabled", "false"));
    }
}
