package io.firebreak.notification.internal.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.NotificationChannel;
import io.firebreak.notification.internal.OutboundHttp;
import io.firebreak.notification.internal.OutboundMessage;
import io.firebreak.notification.internal.Signatures;
import tools.jackson.databind.ObjectMapper;

/**
 * Feishu / Lark custom bot: an interactive card (header, markdown element, buttons to open the
 * incident and to acknowledge). With a signing secret the body carries {@code timestamp}
 * (seconds, as a string) and {@code sign} = Base64 HMAC-SHA256 keyed with
 * {@code timestamp + "\n" + secret} over an empty message. code 11232 (rate limit) is retried.
 */
@Component
class FeishuChannel implements NotificationChannel {

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final ChatLabels labels;
    private final Clock clock;

    FeishuChannel(OutboundHttp http, ObjectMapper json, ChatLabels labels, Clock clock) {
        this.http = http;
        this.json = json;
        this.labels = labels;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.FEISHU;
    }

    @Override
    public DeliveryResult send(ChannelConfig channel, OutboundMessage message) {
        return http.postJson(channel.target(), json.writeValueAsString(body(channel, message)),
                Map.of("Idempotency-Key", message.idempotencyKey()),
                a -> ProviderAnswers.judge(json, a, "code", Set.of(11232)));
    }

    Map<String, Object> body(ChannelConfig channel, OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channel.secret() != null && !channel.secret().isEmpty()) {
            long ts = clock.millis() / 1000;
            body.put("timestamp", String.valueOf(ts));
            body.put("sign", Signatures.feishu(ts, channel.secret()));
        }
        List<Object> elements = new ArrayList<>();
        // Feishu card markdown mentions a user by open_id / user_id: <at id=ou_xxx></at>.
        String mentions = channel.mentions().stream().map(m -> "<at id=" + m + "></at>").reduce((a, b) -> a + " " + b)
                .map(m -> m + "\n").orElse("");
        elements.add(Map.of("tag", "markdown", "content", mentions + message.text()));
        List<Object> actions = new ArrayList<>();
        if (message.linkUrl() != null) {
            actions.add(Map.of("tag", "button", "type", "default", "url", message.linkUrl(),
                    "text", Map.of("tag", "plain_text", "content", labels.open(channel.locale()))));
        }
        if (message.ackUrl() != null) {
            actions.add(Map.of("tag", "button", "type", "primary", "url", message.ackUrl(),
                    "text", Map.of("tag", "plain_text", "content", labels.acknowledge(channel.locale()))));
        }
        if (!actions.isEmpty()) {
            elements.add(Map.of("tag", "action", "actions", actions));
        }
        body.put("msg_type", "interactive");
        body.put("card", Map.of(
                "header", Map.of("title", Map.of("tag", "plain_text", "content", message.subject()),
                        "template", "red"),
                "elements", elements));
        return body;
    }
}
