package io.firebreak.notification.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The built-in Markdown and HTML versions of a template, derived from its plain text SOURCE (never
 * from rendered values, so nothing an alert or incident says is ever reinterpreted): the first line
 * becomes bold (a heading), a "Label: value" or "标签：值" line gets its label in bold, and in HTML the
 * link variables ({@code url}, {@code ackUrl}, {@code ticketUrl}) become links. Literal template text
 * is HTML-escaped in the HTML version; values are escaped when rendered.
 */
final class DerivedFormats {

    private static final Pattern TAG = Pattern.compile("\\{\\{[^}]*}}}?");
    private static final Pattern LABEL = Pattern.compile("^([^{}:：/]{1,40}?[:：])\\s*(.*)$");
    private static final Pattern LINK_TAG = Pattern.compile("\\{\\{\\s*(url|ackUrl|ticketUrl)\\s*}}");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    private DerivedFormats() {
    }

    static String of(String plain, TemplateFormat format) {
        return switch (format) {
            case PLAIN -> plain;
            case MARKDOWN -> markdown(plain);
            case HTML -> html(plain);
        };
    }

    static String markdown(String plain) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String line : plain.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                out.append('\n');
                continue;
            }
            Matcher m = LABEL.matcher(l);
            if (first) {
                out.append("**").append(l).append("**");
                first = false;
            } else if (m.matches()) {
                out.append("**").append(m.group(1)).append("** ").append(m.group(2));
            } else {
                out.append(l);
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    static String html(String plain) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String line : plain.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            Matcher m = LABEL.matcher(l);
            if (first) {
                out.append("<p><strong>").append(literal(l)).append("</strong></p>\n");
                first = false;
            } else if (m.matches()) {
                out.append("<p><strong>").append(literal(m.group(1))).append("</strong> ").append(literal(m.group(2)))
                        .append("</p>\n");
            } else {
                out.append("<p>").append(literal(l)).append("</p>\n");
            }
        }
        return out.toString().strip();
    }

    /** Slack's mrkdwn from Markdown template source: **bold** → *bold*, [text](url) → &lt;url|text&gt;. */
    static String slack(String markdown) {
        String s = BOLD.matcher(markdown).replaceAll("*$1*");
        return MD_LINK.matcher(s).replaceAll("<$2|$1>");
    }

    /** Escapes the literal parts of a template line, keeps its tags, and turns link variables into links. */
    private static String literal(String line) {
        StringBuilder out = new StringBuilder();
        Matcher tag = TAG.matcher(line);
        int at = 0;
        while (tag.find()) {
            out.append(HtmlUtils.htmlEscape(line.substring(at, tag.start())));
            String t = tag.group();
            Matcher link = LINK_TAG.matcher(t);
            out.append(link.matches() ? "<a href=\"" + t + "\">" + t + "</a>" : t);
            at = tag.end();
        }
        return out.append(HtmlUtils.htmlEscape(line.substring(at))).toString();
    }
}
