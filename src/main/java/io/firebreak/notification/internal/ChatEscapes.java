package io.firebreak.notification.internal;

import java.util.regex.Pattern;

/**
 * How a value is made literal text in a chat message. Templates insert values with these (as
 * HTML-escaping does for the email's HTML part); channels use them for the subject where they put
 * it into markup.
 *
 * <ul>
 * <li>{@link #markdown}: DingTalk, WeCom and Feishu Markdown. {@code &}, {@code <} and {@code >}
 * become entities, so no HTML-like tag ({@code <font>}, Feishu's {@code <at id=all>}) and no
 * {@code <url>} autolink can be formed; the characters that make links, images, emphasis, code and
 * strike-through ({@code \ ` * _ [ ] ~}) and a {@code #} opening a line get a backslash.</li>
 * <li>{@link #slack}: Slack mrkdwn, whose only escapes are {@code &amp; &lt; &gt;} (Slack has no
 * way to escape {@code * _ ~ `}, so those can still style text, but never link or mention).</li>
 * </ul>
 */
public final class ChatEscapes {

    private static final Pattern MARKDOWN_ESCAPED = Pattern.compile("\\\\([\\\\`*_\\[\\]~#])");

    private ChatEscapes() {
    }

    /** {@code value} as literal text in DingTalk, WeCom or Feishu Markdown. */
    public static String markdown(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '~' -> out.append('\\').append(c);
                case '#' -> out.append(lineStart ? "\\#" : "#");
                default -> out.append(c);
            }
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
        }
        return out.toString();
    }

    /**
     * Undoes {@link #markdown} for a message that shows its text as it is (WeCom's text message,
     * sent when mobiles must be @-mentioned): the backslashes and entities would show.
     */
    public static String unmarkdown(String text) {
        return MARKDOWN_ESCAPED.matcher(text).replaceAll("$1").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** {@code value} as literal text in Slack mrkdwn: Slack's three escapes. */
    public static String slack(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
