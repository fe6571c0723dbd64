package io.firebreak.shared;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Renders a {@link FirebreakException} in a language. Beyond what {@link MessageSource} does, an
 * argument that is a collection is rendered as a list of its rendered elements ("Health check,
 * Smoke test" / "健康检查、功能测试").
 */
public final class LocalizedMessages {

    private LocalizedMessages() {
    }

    public static String of(MessageSource messages, FirebreakException e, Locale locale) {
        Object[] args = e.getArguments();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Collection<?> items) {
                String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
                args[i] = items.stream()
                        .map(item -> item instanceof MessageSourceResolvable r ? messages.getMessage(r, locale)
                                : String.valueOf(item))
                        .collect(Collectors.joining(separator));
            }
        }
        return messages.getMessage(new DefaultMessageSourceResolvable(e.getCodes(), args, e.getDefaultMessage()), locale);
    }
}
