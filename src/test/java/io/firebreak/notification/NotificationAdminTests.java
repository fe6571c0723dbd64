package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.notification.internal.TemplateRenderer;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** Channel administration (secrets write-only, SSRF refusals, test send), templates (parse errors), pages. */
@FirebreakTest
class NotificationAdminTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    ChannelRepository channels;
    @Autowired
    TemplateRenderer renderer;

    Map<String, Object> webhook(String url) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "admin-" + UUID.randomUUID());
        m.put("kind", "webhook");
        m.put("target", url);
        m.put("secret", "top-secret-value");
        m.put("levels", List.of("NONE"));
        m.put("enabled", false);
        return m;
    }

    @Test
    void secretsAndWebhookKeysAreNeverShownBack() throws Exception {
        String admin = users.tokenFor(Role.ADMIN);
        var created = api.post("/api/v1/notifications/channels", admin,
                webhook("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-robot-key"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain("top-secret-value").doesNotContain("abc-robot-key");
        assertThat(created.body().get("secretSet").asBoolean()).isTrue();
        assertThat(created.body().get("target").asString()).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/…");
        long id = created.body().get("id").asLong();

        Map<String, Object> update = new HashMap<>(Map.of("name", created.body().get("name").asString(),
                "kind", "WEBHOOK", "enabled", false, "levels", List.of("NONE")));
        var updated = api.put("/api/v1/notifications/channels/" + id, admin, update);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("secretSet").asBoolean()).isTrue();
        var stored = channels.find(id).orElseThrow();
        assertThat(stored.secret()).isEqualTo("top-secret-value");
        assertThat(stored.target()).endsWith("key=abc-robot-key");
        assertThat(api.get("/api/v1/notifications/channels", admin).raw()).doesNotContain("top-secret-value")
                .doesNotContain("abc-robot-key");

        UserView adminUser = users.create(Role.ADMIN);
        WebSession web = new WebSession(api.baseUrl()).login(adminUser.username(), TestUsers.PASSWORD);
        assertThat(web.get("/notifications").body()).doesNotContain("top-secret-value").doesNotContain("abc-robot-key");
    }

    @Test
    void internalAndPlainHttpUrlsAreRefusedWhenSaved() {
        String admin = users.tokenFor(Role.ADMIN);
        for (String url : List.of("http://example.org/hook", "https://169.254.169.254/latest", "https://127.0.0.5/x",
                "https://10.0.0.1/x", "https://[fd00::1]/x", "https://[::ffff:10.0.0.1]/x")) {
            var r = api.post("/api/v1/notifications/channels", admin, webhook(url));
            assertThat(r.status()).as(url + " " + r.raw()).isEqualTo(400);
            assertThat(r.body().get("field").asString()).as(url).isEqualTo("target");
        }
    }

    @Test
    void onlyAdminsManageChannels() {
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            String token = users.tokenFor(role);
            assertThat(api.post("/api/v1/notifications/channels", token, webhook("https://example.org/x")).status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/notifications/channels", token).status()).isEqualTo(403);
            assertThat(api.put("/api/v1/notifications/templates/PAGE/en", token, Map.of("subject", "s", "body", "b"))
                    .status()).isEqualTo(403);
        }
        UserView responder = users.create(Role.RESPONDER);
        WebSession web = new WebSession(api.baseUrl()).login(responder.username(), TestUsers.PASSWORD);
        assertThat(web.get("/notifications").status()).isEqualTo(403);
        assertThat(web.get("/notifications/ledger").status()).isEqualTo(403);
        assertThat(web.post("/notifications/allow-list", Map.of("entry", "0.0.0.0/0")).status()).isEqualTo(403);
    }

    @Test
    void aTestMessageReportsTheProvidersAnswer() throws Exception {
        try (Receiver receiver = new Receiver()) {
            channels.addAllowEntry("127.0.0.1");
            receiver.reply(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            String admin = users.tokenFor(Role.ADMIN);
            Map<String, Object> body = webhook(receiver.url("/robot/send?access_token=t"));
            body.put("kind", "DINGTALK");
            var created = api.post("/api/v1/notifications/channels", admin, body);
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            // Disabled channels are still testable: the test send bypasses the outbox.
            var r = api.post("/api/v1/notifications/channels/" + created.body().get("id").asLong() + "/test", admin,
                    Map.of());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().get("outcome").asString()).isEqualTo("SENT");
            assertThat(r.body().get("response").asString()).contains("\"errmsg\":\"ok\"");
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedAndTheOldOneStays() {
        String admin = users.tokenFor(Role.ADMIN);
        var bad = api.put("/api/v1/notifications/templates/MITIGATED/en", admin,
                Map.of("subject", "ok {{number}}", "body", "{{#open}} never closed"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("body");
        assertThat(renderer.active(TemplateKind.MITIGATED, "en").subject()).isEqualTo("Incident #{{number}} mitigated");

        var good = api.put("/api/v1/notifications/templates/MITIGATED/en", admin,
                Map.of("subject", "Mitigated {{number}}", "body", "{{title}} is mitigated"));
        assertThat(good.status()).as(good.raw()).isEqualTo(200);
        var preview = api.post("/api/v1/notifications/templates/preview", admin,
                Map.of("subject", "{{number}}", "body", "{{title}} / {{{title}}}", "locale", "en"));
        assertThat(preview.body().get("body").asString()).isEqualTo("Orders cannot be placed / Orders cannot be placed");
        assertThat(api.delete("/api/v1/notifications/templates/MITIGATED/en", admin).status()).isEqualTo(204);
        assertThat(renderer.active(TemplateKind.MITIGATED, "en").subject()).isEqualTo("Incident #{{number}} mitigated");
    }

    @Test
    void valuesAreNeverParsedAsTemplates() {
        var r = renderer.render("{{title}}", "{{title}}|{{impact}}", ChannelKind.WEBHOOK,
                Map.of("title", "{{#x}}{{/x}} {{secret}}", "impact", "<img src=x>"));
        assertThat(r.subject()).isEqualTo("{{#x}}{{/x}} {{secret}}");
        assertThat(r.body()).isEqualTo("{{#x}}{{/x}} {{secret}}|<img src=x>");
        var slack = renderer.render("s", "{{impact}}", ChannelKind.SLACK, Map.of("impact", "<!channel> & co"));
        assertThat(slack.body()).isEqualTo("&lt;!channel&gt; &amp; co");
    }

    @Test
    void theAdminPagesRenderInBothLanguages() {
        UserView admin = users.create(Role.ADMIN);
        WebSession web = new WebSession(api.baseUrl()).login(admin.username(), TestUsers.PASSWORD);
        assertThat(web.get("/notifications").body()).contains("channel-form").contains("Allow-list");
        assertThat(web.get("/notifications/templates").body()).contains("/notifications/templates/INCIDENT_OPENED/zh-CN");
        var edit = web.get("/notifications/templates/STATUS_UPDATE/zh-CN");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("📊 事件 #INC-42 更新");
        var preview = web.post("/notifications/templates/preview",
                Map.of("subject", "{{number}}", "body", "{{progress}}", "locale", "en"));
        assertThat(preview.body()).contains("Rolled back the last release");
        var refused = web.post("/notifications/templates/STATUS_UPDATE/zh-CN",
                Map.of("subject", "{{number}}", "body", "{{#open}} never closed"));
        assertThat(refused.body()).contains("template-error");
        assertThat(renderer.isEdited(TemplateKind.STATUS_UPDATE, "zh-CN")).isFalse();
        assertThat(web.get("/notifications/ledger?status=SENT").status()).isEqualTo(200);
    }
}
