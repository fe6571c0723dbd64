package io.firebreak.notification.internal.channel;

import java.util.Set;

import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.OutboundHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Chinese IM robots answer HTTP 200 with an error code in the body: 0 means delivered, a
 * rate-limit code is retried, anything else is a final failure with the provider's message.
 */
final class ProviderAnswers {

    private ProviderAnswers() {
    }

    static DeliveryResult judge(ObjectMapper json, OutboundHttp.Answer answer, String codeField,
            Set<Integer> retryCodes) {
        int code;
        try {
            JsonNode node = json.readTree(answer.body() == null ? "{}" : answer.body());
            JsonNode c = node.get(codeField);
            if (c == null && node.has("StatusCode")) {
                c = node.get("StatusCode");
            }
            code = c == null ? 0 : c.asInt();
        } catch (RuntimeException e) {
            return new DeliveryResult(DeliveryResult.Outcome.FAILED, answer.status(), answer.body(),
                    "unreadable provider answer");
        }
        if (code == 0) {
            return new DeliveryResult(DeliveryResult.Outcome.SENT, answer.status(), answer.body(), null);
        }
        DeliveryResult.Outcome outcome = retryCodes.contains(code) ? DeliveryResult.Outcome.RETRY
                : DeliveryResult.Outcome.FAILED;
        return new DeliveryResult(outcome, answer.status(), answer.body(), codeField + " " + code);
    }
}
