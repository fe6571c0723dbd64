package io.firebreak.notification.internal.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChatEscapes;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.NotificationChannel;
import io.firebreak.notification.internal.OutboundHttp;
import io.firebreak.notification.internal.OutboundMessage;
import io.firebreak.notification.internal.Signatures;
import tools.jackson.databind.ObjectMapper;

/**
 * DingTalk custom robot: a markdown message with {@code at.atMobiles} (the mobiles also appear
 * as "@mobile" in the text, which DingTalk requires to highlight them). With a signing secret the
 * URL gets {@code timestamp} (ms) and {@code sign} = URL-encoded Base64 HMAC-SHA256 of
 * {@code timestamp + "\n" + secret} keyed with the secret. errcode 130101 (too fast) is retried.
 */
@Component
class DingTalkChannel implements NotificationChannel {

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final ChatLabels labels;
    private final Clock clock;

    DingTalkChannel(OutboundHttp http, ObjectMapper json, ChatLabels labels, Clock clock) {
        this.http = http;
        this.json = json;
        this.labels = labels;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.DINGTALK;
    }

    @Override
    public DeliveryResult send(ChannelConfig channel, OutboundMessage message) {
        String url = channel.target();
        if (channel.secret() != null && !channel.secret().isEmpty()) {
            long ts = clock.millis();
            url = url + (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign="
                    + URLEncoder.encode(Signatures.dingTalk(ts, channel.secret()), StandardCharsets.UTF_8);
        }
        return http.postJson(url, json.writeValueAsString(body(channel, message)),
                Map.of("Idempotency-Key", message.idempotencyKey()),
                a -> ProviderAnswers.judge(json, a, "errcode", Set.of(130101)));
    }

    Map<String, Object> body(ChannelConfig channel, OutboundMessage message) {
        StringBuilder text = new StringBuilder("### ").append(ChatEscapes.markdown(message.subject())).append("\n\n")
                .append(message.text().replace("\n", "\n\n"));
        if (message.linkUrl() != null) {
            text.append("\n\n[").append(labels.open(channel.locale())).append("](").append(message.linkUrl())
                    .append(")");
        }
        if (message.ackUrl() != null) {
            text.append(" | [").append(labels.acknowledge(channel.locale())).append("](").append(message.ackUrl())
                    .append(")");
        }
        if (!channel.mentions().isEmpty()) {
            text.append("\n\n");
            channel.mentions().forEach(m -> text.append('@').append(m).append(' '));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("title", message.subject(), "text", text.toString().strip()));
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("atMobiles", Mentions.mobiles(channel.mentions()));
        if (!Mentions.userIds(channel.mentions()).isEmpty()) {
            at.put("atUserIds", Mentions.userIds(channel.mentions()));
        }
        at.put("isAtAll", false);
        body.put("at", at);
        return body;
    }
}
