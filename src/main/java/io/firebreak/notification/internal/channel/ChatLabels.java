package io.firebreak.notification.internal.channel;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Button labels of chat messages in the channel's language. */
@Component
class ChatLabels {

    private final MessageSource messages;

    ChatLabels(MessageSource messages) {
        this.messages = messages;
    }

    String open(String locale) {
        return messages.getMessage("notification.button.open", null, Locale.forLanguageTag(locale));
    }

    String acknowledge(String locale) {
        return messages.getMessage("notification.button.acknowledge", null, Locale.forLanguageTag(locale));
    }
}
