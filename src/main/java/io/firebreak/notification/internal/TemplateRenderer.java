package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import io.firebreak.notification.ChannelKind;

/**
 * Renders a template kind in a locale for a channel kind. Templates are logic-less Mustache
 * (jmustache): values are inserted once and never parsed again, so "{{…}}" or HTML in incident
 * or alert text stays literal. Each template has a subject and three bodies
 * ({@link TemplateFormat}): the plain text (email plain part, webhooks), the Markdown version (chat
 * tools; Slack's mrkdwn is converted from it) and the HTML version (the email's HTML part). The
 * Markdown and HTML versions are the admin's edit if any, else derived from the active plain text
 * ({@link DerivedFormats}). The escaping of values fits the format: HTML escapes them fully; Slack
 * mrkdwn escapes &amp;, &lt; and &gt; as Slack documents; DingTalk, WeCom and Feishu Markdown escape
 * Markdown and angle brackets ({@link ChatEscapes#markdown}), except the link variables
 * {@code url}, {@code ackUrl} and {@code ticketUrl} (URLs Firebreak made or checked to be http(s)
 * URIs, which cannot hold brackets or spaces), which are inserted as they are so their links keep
 * working; plain text inserts values as they are. The subject is always plain text: channels escape
 * it where they put it into markup. A missing variable renders empty.
 */
@Component
public class TemplateRenderer {

    /** A link variable's plain tag (not already triple or ampersand). */
    private static final Pattern LINK_TAG = Pattern.compile("(?<!\\{)\\{\\{\\s*(url|ackUrl|ticketUrl)\\s*}}(?!})");

    private final JdbcClient jdbc;
    private final Clock clock;

    TemplateRenderer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A rendered subject and body in the channel's format; {@code html} the email's HTML part (else null). */
    public record Rendered(String subject, String body, String html) {

        public Rendered(String subject, String body) {
            this(subject, body, null);
        }
    }

    /** An invalid template: {@code message} is the parser's error. */
    public static class TemplateError extends RuntimeException {
        public TemplateError(String field, String message) {
            super(field + ": " + message);
        }
    }

    public Rendered render(TemplateKind kind, String locale, ChannelKind channel, Map<String, Object> vars) {
        DefaultTemplates.Template t = active(kind, locale);
        TemplateFormat format = TemplateFormat.of(channel);
        String body = activeBody(kind, locale, format, t);
        if (channel == ChannelKind.SLACK) {
            body = DerivedFormats.slack(body);
        }
        Rendered r = render(t.subject(), body, channel, vars);
        if (channel != ChannelKind.EMAIL) {
            return r;
        }
        String html = compile(htmlCompiler(), "html", activeBody(kind, locale, TemplateFormat.HTML, t))
                .execute(vars).strip();
        return new Rendered(r.subject(), r.body(), html);
    }

    /** The active body of a format: the admin's edit, else the one derived from the active plain text. */
    public String activeBody(TemplateKind kind, String locale, TemplateFormat format) {
        return activeBody(kind, locale, format, active(kind, locale));
    }

    private String activeBody(TemplateKind kind, String locale, TemplateFormat format, DefaultTemplates.Template t) {
        if (format == TemplateFormat.PLAIN) {
            return t.body();
        }
        return jdbc.sql("SELECT body FROM notification_template_variant WHERE kind = :k AND locale = :l AND format = :f")
                .param("k", kind.name()).param("l", normalise(locale)).param("f", format.name())
                .query(String.class).optional().orElseGet(() -> DerivedFormats.of(t.body(), format));
    }

    /** True if the admin edited this format's body (PLAIN: the subject and plain text). */
    public boolean isEdited(TemplateKind kind, String locale, TemplateFormat format) {
        if (format == TemplateFormat.PLAIN) {
            return isEdited(kind, locale);
        }
        return jdbc.sql("SELECT COUNT(*) FROM notification_template_variant WHERE kind = :k AND locale = :l"
                + " AND format = :f")
                .param("k", kind.name()).param("l", normalise(locale)).param("f", format.name())
                .query(Integer.class).single() > 0;
    }

    /** Stores an edited Markdown or HTML body after checking that it parses; a bad one leaves the old active. */
    public void saveVariant(TemplateKind kind, String locale, TemplateFormat format, String body, String actor) {
        if (format == TemplateFormat.PLAIN) {
            throw new TemplateError("format", "the plain text is saved with its subject");
        }
        if (body == null || body.isBlank()) {
            throw new TemplateError("body", "must not be empty");
        }
        compile(format == TemplateFormat.HTML ? htmlCompiler() : compiler(Escapers.NONE), "body", body);
        String loc = normalise(locale);
        resetVariant(kind, loc, format);
        jdbc.sql("INSERT INTO notification_template_variant (kind, locale, format, body, updated_by, updated_at)"
                + " VALUES (:k, :l, :f, :b, :by, :at)")
                .param("k", kind.name()).param("l", loc).param("f", format.name()).param("b", body).param("by", actor)
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).update();
    }

    /** Goes back to the body derived from the plain text. */
    public void resetVariant(TemplateKind kind, String locale, TemplateFormat format) {
        jdbc.sql("DELETE FROM notification_template_variant WHERE kind = :k AND locale = :l AND format = :f")
                .param("k", kind.name()).param("l", normalise(locale)).param("f", format.name()).update();
    }

    /**
     * Renders a body of a format against variables as it would go out (the editor's preview; the
     * Markdown one as DingTalk, WeCom and Feishu get it).
     */
    public String preview(TemplateFormat format, String body, Map<String, Object> vars) {
        return switch (format) {
            case HTML -> compile(htmlCompiler(), "body", body).execute(vars).strip();
            case MARKDOWN -> body(ChannelKind.DINGTALK, body, vars);
            case PLAIN -> body(ChannelKind.WEBHOOK, body, vars);
        };
    }

    /** Renders a subject (always plain text) and a body in the channel's format. */
    public Rendered render(String subject, String body, ChannelKind channel, Map<String, Object> vars) {
        return new Rendered(compile(compiler(Escapers.NONE), "subject", subject).execute(vars).strip(),
                body(channel, body, vars));
    }

    private static String body(ChannelKind channel, String body, Map<String, Object> vars) {
        Template template = switch (channel) {
            case SLACK -> compile(compiler(ChatEscapes::slack), "body", body);
            case DINGTALK, WECOM, FEISHU -> compile(compiler(ChatEscapes::markdown), "body", verbatimLinks(body));
            case EMAIL, WEBHOOK -> compile(compiler(Escapers.NONE), "body", body);
        };
        return template.execute(vars).strip();
    }

    /** {@code {{url}}}, {@code {{ackUrl}}} and {@code {{ticketUrl}}} as unescaped tags (see the class comment). */
    static String verbatimLinks(String markdown) {
        return LINK_TAG.matcher(markdown).replaceAll("{{{$1}}}");
    }

    /** The active template of a kind and locale: the admin's edit if any, otherwise the built-in default. */
    public DefaultTemplates.Template active(TemplateKind kind, String locale) {
        String loc = normalise(locale);
        Optional<DefaultTemplates.Template> edited = jdbc
                .sql("SELECT subject, body FROM notification_template WHERE kind = :k AND locale = :l")
                .param("k", kind.name()).param("l", loc)
                .query((rs, i) -> new DefaultTemplates.Template(rs.getString("subject"), rs.getString("body")))
                .optional();
        return edited.orElseGet(() -> DefaultTemplates.of(kind, loc));
    }

    public boolean isEdited(TemplateKind kind, String locale) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_template WHERE kind = :k AND locale = :l")
                .param("k", kind.name()).param("l", normalise(locale)).query(Integer.class).single() > 0;
    }

    /** Stores an edited template after checking that both parts parse; a bad one leaves the old active. */
    public void save(TemplateKind kind, String locale, String subject, String body, String actor) {
        Mustache.Compiler compiler = compiler(Escapers.NONE);
        if (subject == null || subject.isBlank()) {
            throw new TemplateError("subject", "must not be empty");
        }
        if (body == null || body.isBlank()) {
            throw new TemplateError("body", "must not be empty");
        }
        compile(compiler, "subject", subject);
        compile(compiler, "body", body);
        String loc = normalise(locale);
        jdbc.sql("DELETE FROM notification_template WHERE kind = :k AND locale = :l").param("k", kind.name())
                .param("l", loc).update();
        jdbc.sql("""
                INSERT INTO notification_template (kind, locale, subject, body, updated_by, updated_at)
                VALUES (:k, :l, :s, :b, :by, :at)""")
                .param("k", kind.name()).param("l", loc).param("s", subject).param("b", body).param("by", actor)
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).update();
    }

    /** Goes back to the built-in default. */
    public void reset(TemplateKind kind, String locale) {
        jdbc.sql("DELETE FROM notification_template WHERE kind = :k AND locale = :l").param("k", kind.name())
                .param("l", normalise(locale)).update();
    }

    static String normalise(String locale) {
        return locale != null && locale.toLowerCase().startsWith("en") ? "en" : "zh-CN";
    }

    private static Template compile(Mustache.Compiler compiler, String field, String text) {
        try {
            return compiler.compile(text);
        } catch (MustacheException e) {
            throw new TemplateError(field, e.getMessage());
        }
    }

    private static Mustache.Compiler htmlCompiler() {
        return compiler(Escapers.HTML);
    }

    private static Mustache.Compiler compiler(Mustache.Escaper escaper) {
        // Partials are refused: a template can never read a file.
        return Mustache.compiler().withEscaper(escaper).defaultValue("")
                .withLoader(name -> {
                    throw new MustacheException("partials are not supported");
                });
    }
}
