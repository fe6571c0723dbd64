package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.NotificationChannel;
import io.firebreak.notification.internal.OutboundMessage;
import io.firebreak.notification.internal.SampleIncident;
import io.firebreak.notification.internal.TemplateKind;
import io.firebreak.notification.internal.TemplateRenderer;
import io.firebreak.support.FirebreakTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A hostile incident title (Markdown links and emphasis, HTML-like tags including Feishu's
 * {@code <at id=all>}, code, a leading "#", a backslash and an ampersand) rendered and sent to each
 * chat tool's real receiver: the exact text shows it literally, while the template's own markup
 * (bold labels, links) and the link variables stay live.
 */
@FirebreakTest
class NotificationMarkdownEscapingTests {

    static final String TITLE = "# [click](http://evil.example) **b** <font color=\"info\">x</font> <at id=all></at>"
            + " _i_ ~s~ `c` \\ & 1";
    /** The title as DingTalk, WeCom and Feishu Markdown text, by hand. */
    static final String MD_TITLE = "\\# \\[click\\](http://evil.example) \\*\\*b\\*\\* &lt;font color=\"info\"&gt;x"
            + "&lt;/font&gt; &lt;at id=all&gt;&lt;/at&gt; \\_i\\_ \\~s\\~ \\`c\\` \\\\ &amp; 1";
    /** The same after "🚨 " (the "#" no longer opens a line). */
    static final String MD_SUBJECT = "🚨 " + MD_TITLE.substring(1);
    /** The title as Slack mrkdwn text, by hand. */
    static final String SLACK_TITLE = "# [click](http://evil.example) **b** &lt;font color=\"info\"&gt;x&lt;/font&gt;"
            + " &lt;at id=all&gt;&lt;/at&gt; _i_ ~s~ `c` \\ &amp; 1";
    static final String TICKET = "https://tickets.example.org/browse/OPS_12?a=1&b=2";
    static final String INCIDENT = "https://fb.example/incidents/INC-42";

    @Autowired
    List<NotificationChannel> channels;
    @Autowired
    TemplateRenderer renderer;
    @Autowired
    ChannelRepository repository;
    @Autowired
    ObjectMapper json;

    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        repository.addAllowEntry("127.0.0.1");
        renderer.save(TemplateKind.INCIDENT_OPENED, "en", "🚨 {{title}}",
                "🚨 Incident opened\nTitle: {{title}}\nTicket: {{ticketUrl}}", "test");
    }

    @AfterEach
    void stop() {
        receiver.close();
        renderer.reset(TemplateKind.INCIDENT_OPENED, "en");
    }

    /** Renders the template for {@code kind} as the outbox does and sends it to the receiver. */
    JsonNode send(ChannelKind kind, List<String> mentions) {
        Map<String, Object> vars = new HashMap<>(SampleIncident.variables("en"));
        vars.put("title", TITLE);
        vars.put("ticketUrl", TICKET);
        var r = renderer.render(TemplateKind.INCIDENT_OPENED, "en", kind, vars);
        var message = new OutboundMessage(7, "key-7", "IncidentDeclared", r.subject(), r.body(), INCIDENT, null,
                Map.of());
        var channel = new ChannelConfig(1, "chat", kind, receiver.url("/hook"), mentions, null, null, "en", List.of(),
                null, true, false);
        int before = receiver.requests().size();
        DeliveryResult result = channels.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow()
                .send(channel, message);
        assertThat(result.outcome()).as(result.error()).isEqualTo(DeliveryResult.Outcome.SENT);
        return json.readTree(receiver.requests().get(before).body());
    }

    static final String MD_BODY = "**🚨 Incident opened**\n**Title:** " + MD_TITLE + "\n**Ticket:** " + TICKET;

    @Test
    void dingTalk() {
        JsonNode markdown = send(ChannelKind.DINGTALK, List.of()).get("markdown");
        assertThat(markdown.get("title").asString()).isEqualTo("🚨 " + TITLE);
        assertThat(markdown.get("text").asString()).isEqualTo("### " + MD_SUBJECT + "\n\n**🚨 Incident opened**\n\n"
                + "**Title:** " + MD_TITLE + "\n\n**Ticket:** " + TICKET + "\n\n[Open incident](" + INCIDENT + ")");
    }

    @Test
    void weComMarkdownAndText() {
        JsonNode markdown = send(ChannelKind.WECOM, List.of());
        assertThat(markdown.get("markdown").get("content").asString())
                .isEqualTo("**" + MD_SUBJECT + "**\n" + MD_BODY + "\n[Open incident](" + INCIDENT + ")");
        // A text message (to @-mention by mobile) shows its text as it is: the title comes back unescaped.
        JsonNode text = send(ChannelKind.WECOM, List.of("13800001111"));
        assertThat(text.get("text").get("content").asString()).isEqualTo("🚨 " + TITLE + "\n🚨 Incident opened\nTitle: "
                + TITLE + "\nTicket: " + TICKET + "\n" + INCIDENT);
    }

    @Test
    void feishu() {
        JsonNode card = send(ChannelKind.FEISHU, List.of()).get("card");
        assertThat(card.get("header").get("title").get("content").asString()).isEqualTo("🚨 " + TITLE);
        assertThat(card.get("elements").get(0).get("content").asString()).isEqualTo(MD_BODY);
    }

    @Test
    void slack() {
        JsonNode body = send(ChannelKind.SLACK, List.of());
        assertThat(body.get("text").asString()).isEqualTo("🚨 " + SLACK_TITLE);
        assertThat(body.get("blocks").get(0).get("text").get("text").asString()).isEqualTo(
                "*🚨 Incident opened*\n*Title:* " + SLACK_TITLE + "\n*Ticket:* " + TICKET.replace("&", "&amp;"));
    }
}
