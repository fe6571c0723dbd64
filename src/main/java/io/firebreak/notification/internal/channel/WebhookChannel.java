package io.firebreak.notification.internal.channel;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * Generic webhook: a JSON body {@code {id, idempotencyKey, event, subject, text, url, ackUrl,
 * incident{…}}} with headers {@code Idempotency-Key}, {@code X-Firebreak-Event} and, when the
 * channel has a secret, {@code X-Firebreak-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * t + "." + raw body, keyed with the secret>}.
 */
@Component
class WebhookChannel implements NotificationChannel {

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookChannel(OutboundHttp http, ObjectMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public DeliveryResult send(ChannelConfig channel, OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("idempotencyKey", message.idempotencyKey());
        body.put("event", message.event());
        body.put("subject", message.subject());
        body.put("text", message.text());
        body.put("url", message.linkUrl());
        body.put("ackUrl", message.ackUrl());
        body.put("incident", message.payload());
        String raw = json.writeValueAsString(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", message.idempotencyKey());
        headers.put("X-Firebreak-Event", message.event());
        if (channel.secret() != null && !channel.secret().isEmpty()) {
            long t = clock.millis() / 1000;
            headers.put("X-Firebreak-Signature", "t=" + t + ",v1=" + Signatures.webhook(t, raw, channel.secret()));
        }
        return http.postJson(channel.target(), raw, headers);
    }
}
