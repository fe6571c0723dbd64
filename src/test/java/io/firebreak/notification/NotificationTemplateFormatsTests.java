package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.SampleIncident;
import io.firebreak.notification.internal.TemplateFormat;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.notification.internal.TemplateRenderer;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/**
 * Templates in three formats: Markdown and HTML derived from the plain text until edited, Slack's
 * mrkdwn converted from Markdown, values escaped for HTML and never parsed, editing per format.
 */
@FirebreakTest
class NotificationTemplateFormatsTests {

    @Autowired
    TemplateRenderer renderer;
    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;

    @AfterEach
    void reset() {
        for (TemplateFormat f : List.of(TemplateFormat.MARKDOWN, TemplateFormat.HTML)) {
            renderer.resetVariant(TemplateKind.STATUS_UPDATE, "en", f);
        }
    }

    static Map<String, Object> hostile() {
        Map<String, Object> vars = new HashMap<>(SampleIncident.variables("en"));
        vars.put("title", "<b>{{x}}</b> & **y**");
        vars.put("url", "https://firebreak.example.org/incidents/INC-42?a=1&b=\"2\"");
        return vars;
    }

    @Test
    void eachChannelGetsItsFormatAndValuesStayLiteral() {
        var md = renderer.render(TemplateKind.INCIDENT_OPENED, "en", ChannelKind.DINGTALK, hostile());
        assertThat(md.body()).startsWith("**🚨 P1 incident #INC-42**")
                .contains("**Title:** &lt;b&gt;{{x}}&lt;/b&gt; &amp; \\*\\*y\\*\\*");
        assertThat(md.html()).isNull();

        var slack = renderer.render(TemplateKind.INCIDENT_OPENED, "en", ChannelKind.SLACK, hostile());
        assertThat(slack.body()).startsWith("*🚨 P1 incident #INC-42*")
                .contains("*Title:* &lt;b&gt;{{x}}&lt;/b&gt; &amp; **y**");

        var mail = renderer.render(TemplateKind.PAGE, "en", ChannelKind.EMAIL, hostile());
        assertThat(mail.body()).contains("Title: <b>{{x}}</b> & **y**");
        assertThat(mail.html()).contains("<p><strong>Title:</strong> &lt;b&gt;{{x}}&lt;/b&gt; &amp; **y**</p>")
                .contains("<a href=\"https://firebreak.example.org/incidents/INC-42?a&#x3D;1&amp;b&#x3D;&quot;2&quot;\">")
                .doesNotContain("<b>");

        var hook = renderer.render(TemplateKind.INCIDENT_OPENED, "zh-CN", ChannelKind.WEBHOOK, hostile());
        assertThat(hook.body()).startsWith("🚨 P1 事件 #INC-42\n标题：<b>{{x}}</b>");
    }

    @Test
    void anAdminEditsEachFormatAndABadOneIsRefusedKeepingTheOld() {
        String admin = users.tokenFor(Role.ADMIN);
        String path = "/api/v1/notifications/templates/STATUS_UPDATE/en/MARKDOWN";
        var saved = api.put(path, admin, Map.of("body", "## {{number}}\n> {{progress}}"));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().get("markdownEdited").asBoolean()).isTrue();
        assertThat(saved.body().get("htmlEdited").asBoolean()).isFalse();
        var vars = hostile();
        assertThat(renderer.render(TemplateKind.STATUS_UPDATE, "en", ChannelKind.FEISHU, vars).body())
                .isEqualTo("## INC-42\n> Rolled back the last release");

        var bad = api.put(path, admin, Map.of("body", "{{#unclosed}}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("body");
        assertThat(renderer.activeBody(TemplateKind.STATUS_UPDATE, "en", TemplateFormat.MARKDOWN))
                .isEqualTo("## {{number}}\n> {{progress}}");

        var html = api.put("/api/v1/notifications/templates/STATUS_UPDATE/en/HTML", admin,
                Map.of("body", "<h1>{{title}}</h1>"));
        assertThat(html.status()).isEqualTo(200);
        assertThat(renderer.render(TemplateKind.STATUS_UPDATE, "en", ChannelKind.EMAIL, vars).html())
                .isEqualTo("<h1>&lt;b&gt;{{x}}&lt;/b&gt; &amp; **y**</h1>");

        assertThat(api.put("/api/v1/notifications/templates/STATUS_UPDATE/en/PLAIN", admin, Map.of("body", "x"))
                .status()).isEqualTo(400);
        assertThat(api.put("/api/v1/notifications/templates/STATUS_UPDATE/en/RTF", admin, Map.of("body", "x"))
                .body().get("field").asString()).isEqualTo("format");
        assertThat(api.put(path, users.tokenFor(Role.COMMANDER), Map.of("body", "x")).status()).isEqualTo(403);
        assertThat(api.delete(path, admin).status()).isEqualTo(204);
        assertThat(renderer.isEdited(TemplateKind.STATUS_UPDATE, "en", TemplateFormat.MARKDOWN)).isFalse();
        assertThat(renderer.activeBody(TemplateKind.STATUS_UPDATE, "en", TemplateFormat.MARKDOWN))
                .startsWith("**📊 Incident #{{number}} update**");
    }

    @Test
    void theEditorShowsAndSavesEachFormat() {
        UserView admin = users.create(Role.ADMIN);
        WebSession web = new WebSession(api.baseUrl()).login(admin.username(), TestUsers.PASSWORD);
        var page = web.get("/notifications/templates/STATUS_UPDATE/en?format=HTML");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"template-formats\"").contains("&lt;p&gt;&lt;strong&gt;");
        var saved = web.post("/notifications/templates/STATUS_UPDATE/en", Map.of("format", "HTML", "body",
                "<p>{{progress}}</p>"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(renderer.activeBody(TemplateKind.STATUS_UPDATE, "en", TemplateFormat.HTML))
                .isEqualTo("<p>{{progress}}</p>");
        var bad = web.post("/notifications/templates/STATUS_UPDATE/en", Map.of("format", "MARKDOWN", "body",
                "{{/nope}}"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"template-error\"");
        var preview = web.post("/notifications/templates/preview", Map.of("format", "HTML", "locale", "en",
                "body", "<i>{{title}}</i>"));
        assertThat(preview.body()).contains("&lt;i&gt;Orders cannot be placed&lt;/i&gt;");
    }
}
