package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.NotificationChannel;
import io.firebreak.notification.internal.OutboundMessage;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Each channel against a real receiver: GreenMail as the SMTP server, a local HTTP server for the
 * chat robots and the webhook, asserting the exact body and the signature each platform documents
 * (recomputed here independently of the production code).
 */
@FirebreakTest
class NotificationChannelsTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    List<NotificationChannel> channels;
    @Autowired
    ChannelRepository repository;
    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    io.firebreak.notification.internal.UrlGuard guard;

    Receiver receiver;

    static final OutboundMessage MESSAGE = new OutboundMessage(42, "key-42", "IncidentDeclared",
            "🚨 P1 事件 #INC-7", "🚨 P1 事件 #INC-7\n标题：<b>{{x}}</b>", "https://fb.example/incidents/INC-7",
            "https://fb.example/ack/tok", Map.of("number", "INC-7"));

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        repository.addAllowEntry("127.0.0.1");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    NotificationChannel sender(ChannelKind kind) {
        return channels.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    ChannelConfig config(ChannelKind kind, String target, String secret, List<String> mentions) {
        return new ChannelConfig(1, "test", kind, target, mentions, null, secret, "zh-CN", List.of(), null, true, false);
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static Map<String, String> query(String pathAndQuery) {
        String q = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1);
        var out = new java.util.HashMap<String, String>();
        for (String p : q.split("&")) {
            String[] kv = p.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    @Test
    void slackSendsBlockKitWithLinkButtons() {
        DeliveryResult r = sender(ChannelKind.SLACK).send(config(ChannelKind.SLACK, receiver.url("/slack"), null,
                List.of()), MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        var req = receiver.requests().get(0);
        assertThat(req.header("Idempotency-Key")).isEqualTo("key-42");
        assertThat(json.readTree(req.body())).isEqualTo(json.readTree("""
                {"text":"🚨 P1 事件 #INC-7",
                 "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"🚨 P1 事件 #INC-7\\n标题：<b>{{x}}</b>"}},
                  {"type":"actions","elements":[
                   {"type":"button","text":{"type":"plain_text","text":"打开事件"},"url":"https://fb.example/incidents/INC-7"},
                   {"type":"button","style":"primary","text":{"type":"plain_text","text":"确认"},"url":"https://fb.example/ack/tok"}]}]}
                """));
    }

    @Test
    void dingTalkSignsTheUrlAndMentionsByMobile() throws Exception {
        String secret = "SEC0123456789abcdef";
        DeliveryResult r = sender(ChannelKind.DINGTALK).send(config(ChannelKind.DINGTALK,
                receiver.url("/robot/send?access_token=abc"), secret, List.of("13800001111")), MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        var req = receiver.requests().get(0);
        Map<String, String> q = query(req.pathAndQuery());
        assertThat(q.get("access_token")).isEqualTo("abc");
        assertThat(Long.parseLong(q.get("timestamp"))).isEqualTo(clock.millis());
        String expected = Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8),
                (q.get("timestamp") + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(URLDecoder.decode(q.get("sign"), StandardCharsets.UTF_8)).isEqualTo(expected);
        JsonNode body = json.readTree(req.body());
        assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.get("markdown").get("title").asString()).isEqualTo("🚨 P1 事件 #INC-7");
        assertThat(body.get("markdown").get("text").asString()).isEqualTo("""
                ### 🚨 P1 事件 #INC-7

                🚨 P1 事件 #INC-7

                标题：<b>{{x}}</b>

                [打开事件](https://fb.example/incidents/INC-7) | [确认](https://fb.example/ack/tok)

                @13800001111""");
        assertThat(body.get("at")).isEqualTo(json.readTree("{\"atMobiles\":[\"13800001111\"],\"isAtAll\":false}"));
    }

    @Test
    void dingTalkErrorCodeInA200IsAFailure() {
        receiver.reply(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        DeliveryResult r = sender(ChannelKind.DINGTALK).send(config(ChannelKind.DINGTALK, receiver.url("/r"), "s",
                List.of()), MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(r.response()).contains("sign not match");
    }

    @Test
    void weComSendsMarkdownOrTextWithMentionedMobiles() {
        sender(ChannelKind.WECOM).send(config(ChannelKind.WECOM, receiver.url("/cgi-bin/webhook/send?key=k"), null,
                List.of()), MESSAGE);
        sender(ChannelKind.WECOM).send(config(ChannelKind.WECOM, receiver.url("/cgi-bin/webhook/send?key=k"), null,
                List.of("13800001111")), MESSAGE);
        var markdown = json.readTree(receiver.requests().get(0).body());
        assertThat(markdown).isEqualTo(json.readTree("""
                {"msgtype":"markdown","markdown":{"content":"**🚨 P1 事件 #INC-7**\\n🚨 P1 事件 #INC-7\\n标题：<b>{{x}}</b>\\n[打开事件](https://fb.example/incidents/INC-7)  [确认](https://fb.example/ack/tok)"}}
                """));
        var text = json.readTree(receiver.requests().get(1).body());
        assertThat(text.get("msgtype").asString()).isEqualTo("text");
        assertThat(text.get("text").get("mentioned_mobile_list")).isEqualTo(json.readTree("[\"13800001111\"]"));
        assertThat(receiver.requests().get(1).pathAndQuery()).isEqualTo("/cgi-bin/webhook/send?key=k");
    }

    @Test
    void peopleAreMentionedByUserIdOrMobileInEachChatTool() {
        List<String> mentions = List.of("13800001111", "ding-user-7");
        sender(ChannelKind.DINGTALK).send(config(ChannelKind.DINGTALK, receiver.url("/d"), null, mentions), MESSAGE);
        sender(ChannelKind.WECOM).send(config(ChannelKind.WECOM, receiver.url("/w"), null, mentions), MESSAGE);
        sender(ChannelKind.SLACK).send(config(ChannelKind.SLACK, receiver.url("/s"), null, List.of("U012AB3CD")),
                MESSAGE);
        sender(ChannelKind.FEISHU).send(config(ChannelKind.FEISHU, receiver.url("/f"), null, List.of("ou_abc")),
                MESSAGE);
        var ding = json.readTree(receiver.requests().get(0).body());
        assertThat(ding.get("at")).isEqualTo(json.readTree(
                "{\"atMobiles\":[\"13800001111\"],\"atUserIds\":[\"ding-user-7\"],\"isAtAll\":false}"));
        var wecom = json.readTree(receiver.requests().get(1).body()).get("text");
        assertThat(wecom.get("mentioned_mobile_list")).isEqualTo(json.readTree("[\"13800001111\"]"));
        assertThat(wecom.get("mentioned_list")).isEqualTo(json.readTree("[\"ding-user-7\"]"));
        assertThat(receiver.requests().get(2).body()).contains("<@U012AB3CD>");
        assertThat(receiver.requests().get(3).body()).contains("<at id=ou_abc></at>");
    }

    @Test
    void feishuSendsASignedInteractiveCard() throws Exception {
        String secret = "feishu-secret";
        DeliveryResult r = sender(ChannelKind.FEISHU).send(config(ChannelKind.FEISHU,
                receiver.url("/open-apis/bot/v2/hook/x"), secret, List.of()), MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        JsonNode body = json.readTree(receiver.requests().get(0).body());
        String ts = body.get("timestamp").asString();
        assertThat(Long.parseLong(ts)).isEqualTo(clock.millis() / 1000);
        String expected = Base64.getEncoder().encodeToString(
                hmac((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(body.get("sign").asString()).isEqualTo(expected);
        assertThat(body.get("msg_type").asString()).isEqualTo("interactive");
        assertThat(body.get("card")).isEqualTo(json.readTree("""
                {"header":{"title":{"tag":"plain_text","content":"🚨 P1 事件 #INC-7"},"template":"red"},
                 "elements":[{"tag":"markdown","content":"🚨 P1 事件 #INC-7\\n标题：<b>{{x}}</b>"},
                  {"tag":"action","actions":[
                   {"tag":"button","type":"default","url":"https://fb.example/incidents/INC-7","text":{"tag":"plain_text","content":"打开事件"}},
                   {"tag":"button","type":"primary","url":"https://fb.example/ack/tok","text":{"tag":"plain_text","content":"确认"}}]}]}
                """));
    }

    @Test
    void webhookSignsTimestampDotBody() throws Exception {
        String secret = "whsec";
        DeliveryResult r = sender(ChannelKind.WEBHOOK).send(config(ChannelKind.WEBHOOK, receiver.url("/hook"), secret,
                List.of()), MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        var req = receiver.requests().get(0);
        String sig = req.header("X-Firebreak-Signature");
        assertThat(sig).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = sig.substring(2, sig.indexOf(','));
        assertThat(Long.parseLong(t)).isEqualTo(clock.millis() / 1000);
        String v1 = sig.substring(sig.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                (t + "." + req.body()).getBytes(StandardCharsets.UTF_8))));
        assertThat(req.header("Idempotency-Key")).isEqualTo("key-42");
        JsonNode body = json.readTree(req.body());
        assertThat(body.get("idempotencyKey").asString()).isEqualTo("key-42");
        assertThat(body.get("event").asString()).isEqualTo("IncidentDeclared");
        assertThat(body.get("incident").get("number").asString()).isEqualTo("INC-7");
    }

    @Test
    void emailHasPlainAndEscapedHtmlParts() throws Exception {
        var smtp = new ChannelConfig.SmtpSettings("127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null,
                "firebreak@example.org");
        var channel = new ChannelConfig(1, "ops mail", ChannelKind.EMAIL, "ops@example.org", List.of(), smtp, null,
                "zh-CN", List.of(), null, true, false);
        DeliveryResult r = sender(ChannelKind.EMAIL).send(channel, MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("🚨 P1 事件 #INC-7");
        assertThat(received[0].getHeader("X-Firebreak-Idempotency-Key")[0]).isEqualTo("key-42");
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw).contains("multipart/alternative");
        Map<String, String> parts = new java.util.HashMap<>();
        collect((MimeMultipart) received[0].getContent(), parts);
        String plain = parts.get("text/plain");
        String html = parts.get("text/html");
        assertThat(plain).contains("标题：<b>{{x}}</b>");
        assertThat(html).contains("标题：&lt;b&gt;{{x}}&lt;/b&gt;").doesNotContain("<b>{{x}}");
    }

    static void collect(MimeMultipart multipart, Map<String, String> parts) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof MimeMultipart nested) {
                collect(nested, parts);
            } else {
                parts.put(part.getContentType().split(";")[0].strip().toLowerCase(), (String) content);
            }
        }
    }

    @Test
    void anSmtpServerAtAnInternalAddressMustBeAllowListed() {
        var smtp = new ChannelConfig.SmtpSettings("169.254.169.254", 25, false, null, "firebreak@example.org");
        var channel = new ChannelConfig(1, "metadata", ChannelKind.EMAIL, "ops@example.org", List.of(), smtp, null,
                "en", List.of(), null, true, false);
        DeliveryResult r = sender(ChannelKind.EMAIL).send(channel, MESSAGE);
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(r.error()).startsWith("SMTP host refused").contains("169.254.169.254");
        assertThatThrownBy(() -> guard.checkSmtpHost("127.0.0.2", List.of()))
                .isInstanceOf(io.firebreak.notification.internal.UrlGuard.RefusedUrlException.class);
        guard.checkSmtpHost("127.0.0.2", List.of("127.0.0.0/8"));
        guard.checkSmtpHost("127.0.0.2", List.of("127.0.0.2"));
    }

    @Test
    void emailToAServerThatIsDownIsRetried() {
        var smtp = new ChannelConfig.SmtpSettings("127.0.0.1", 1, false, null, "firebreak@example.org");
        var channel = new ChannelConfig(1, "down", ChannelKind.EMAIL, "ops@example.org", List.of(), smtp, null,
                "en", List.of(), null, true, false);
        assertThat(sender(ChannelKind.EMAIL).send(channel, MESSAGE).outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    }

    @Test
    void serverErrorsAreRetriedAndClientErrorsFail() {
        receiver.reply(503, "busy");
        receiver.reply(400, "bad");
        var c = config(ChannelKind.WEBHOOK, receiver.url("/h"), null, List.of());
        DeliveryResult first = sender(ChannelKind.WEBHOOK).send(c, MESSAGE);
        DeliveryResult second = sender(ChannelKind.WEBHOOK).send(c, MESSAGE);
        assertThat(first.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(second.response()).isEqualTo("bad");
    }

    @Test
    void internalAddressesAreRefusedAtSendTime() {
        for (String url : List.of("http://127.0.0.2:9/x", "https://169.254.169.254/latest/meta-data",
                "https://10.1.2.3/h", "https://192.168.1.1/h", "https://[::1]/h", "ftp://example.org/x",
                "https://user:pw@example.org/")) {
            DeliveryResult r = sender(ChannelKind.WEBHOOK).send(config(ChannelKind.WEBHOOK, url, null, List.of()),
                    MESSAGE);
            assertThat(r.outcome()).as(url).isEqualTo(DeliveryResult.Outcome.FAILED);
            assertThat(r.error()).as(url).startsWith("URL refused");
        }
        assertThat(receiver.requests()).isEmpty();
    }
}
