package io.firebreak.notification.internal.channel;

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
import tools.jackson.databind.ObjectMapper;

/**
 * WeCom (企业微信) group robot. WeCom's markdown messages cannot @-mention by mobile, so a channel
 * with mentions sends a {@code text} message with {@code mentioned_mobile_list}; otherwise a
 * {@code markdown} message. errcode 45009 (rate limit) is retried.
 */
@Component
class WeComChannel implements NotificationChannel {

    private static final java.util.regex.Pattern BOLD = java.util.regex.Pattern.compile("\\*\\*(.+?)\\*\\*");

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final ChatLabels labels;

    WeComChannel(OutboundHttp http, ObjectMapper json, ChatLabels labels) {
        this.http = http;
        this.json = json;
        this.labels = labels;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM;
    }

    @Override
    public DeliveryResult send(ChannelConfig channel, OutboundMessage message) {
        return http.postJson(channel.target(), json.writeValueAsString(body(channel, message)),
                Map.of("Idempotency-Key", message.idempotencyKey()),
                a -> ProviderAnswers.judge(json, a, "errcode", Set.of(45009)));
    }

    Map<String, Object> body(ChannelConfig channel, OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channel.mentions().isEmpty()) {
            StringBuilder text = new StringBuilder("**").append(ChatEscapes.markdown(message.subject())).append("**\n")
                    .append(message.text());
            if (message.linkUrl() != null) {
                text.append("\n[").append(labels.open(channel.locale())).append("](").append(message.linkUrl())
                        .append(")");
            }
            if (message.ackUrl() != null) {
                text.append("  [").append(labels.acknowledge(channel.locale())).append("](")
                        .append(message.ackUrl()).append(")");
            }
            body.put("msgtype", "markdown");
            body.put("markdown", Map.of("content", text.toString()));
        } else {
            // A text message shows Markdown literally: the bold markers of the Markdown template go,
            // then the escapes of the values (escaped, a value's own "**" never matches BOLD).
            StringBuilder text = new StringBuilder(message.subject()).append('\n')
                    .append(ChatEscapes.unmarkdown(BOLD.matcher(message.text()).replaceAll("$1")));
            if (message.linkUrl() != null) {
                text.append('\n').append(message.linkUrl());
            }
            if (message.ackUrl() != null) {
                text.append('\n').append(labels.acknowledge(channel.locale())).append(": ").append(message.ackUrl());
            }
            body.put("msgtype", "text");
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("content", text.toString());
            content.put("mentioned_mobile_list", Mentions.mobiles(channel.mentions()));
            if (!Mentions.userIds(channel.mentions()).isEmpty()) {
                content.put("mentioned_list", Mentions.userIds(channel.mentions()));
            }
            body.put("text", content);
        }
        return body;
    }
}
