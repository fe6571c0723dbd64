package io.firebreak.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A failure meant for the person who caused it. Besides its English message it may carry a
 * message code and arguments, so the UI and the API can say it in the reader's language
 * ({@code messageSource.getMessage(exception, locale)}); without a code the English message is used.
 * Arguments may themselves be {@link MessageSourceResolvable}s (an enum constant's label), see
 * {@link #label(String, Enum)}.
 */
public abstract class FirebreakException extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;

    protected FirebreakException(String message) {
        this(null, message);
    }

    protected FirebreakException(String code, String message, Object... arguments) {
        super(message);
        this.code = code;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] { code };
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    /** An argument that renders as the label of an enum constant, found under {@code prefix + "." + NAME}. */
    public static MessageSourceResolvable label(String prefix, Enum<?> value) {
        return new DefaultMessageSourceResolvable(new String[] { prefix + "." + value.name() }, null, value.name());
    }
}
