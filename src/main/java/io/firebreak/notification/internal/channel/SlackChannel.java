package io.firebreak.notification.internal.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Slack incoming webhook: a Block Kit message (a mrkdwn section and an actions block with link
 * buttons "open incident" and, for pages, "acknowledge"); {@code text} is the notification fallback.
 */
@Component
class SlackChannel implements NotificationChannel {

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final ChatLabels labels;

    SlackChannel(OutboundHttp http, ObjectMapper json, ChatLabels labels) {
        this.http = http;
        this.json = json;
        this.labels = labels;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public DeliveryResult send(ChannelConfig channel, OutboundMessage message) {
        return http.postJson(channel.target(), json.writeValueAsString(body(channel, message)),
                Map.of("Idempotency-Key", message.idempotencyKey()));
    }

    Map<String, Object> body(ChannelConfig channel, OutboundMessage message) {
        List<Object> blocks = new ArrayList<>();
        // Slack mentions a member by id in mrkdwn: <@U012AB3CD>.
        String mentions = channel.mentions().stream().map(m -> "<@" + m + ">").reduce((a, b) -> a + " " + b)
                .map(m -> m + "\n").orElse("");
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mentions + message.text())));
        List<Object> buttons = new ArrayList<>();
        if (message.linkUrl() != null) {
            buttons.add(Map.of("type", "button", "text", Map.of("type", "plain_text", "text",
                    labels.open(channel.locale())), "url", message.linkUrl()));
        }
        if (message.ackUrl() != null) {
            buttons.add(Map.of("type", "button", "style", "primary", "text", Map.of("type", "plain_text", "text",
                    labels.acknowledge(channel.locale())), "url", message.ackUrl()));
        }
        if (!buttons.isEmpty()) {
            blocks.add(Map.of("type", "actions", "elements", buttons));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", ChatEscapes.slack(message.subject()));
        body.put("blocks", blocks);
        return body;
    }
}
