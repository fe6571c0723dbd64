package io.firebreak.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

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
 * or alert text stays literal. The escaping fits the format: Slack mrkdwn escapes &amp;, &lt;
 * and &gt; as Slack documents; other chat formats and plain text insert values as they are; the
 * email's HTML part is made by HTML-escaping the rendered text. A missing variable renders empty.
 */
@Component
public class TemplateRenderer {

    private final JdbcClient jdbc;
    private final Clock clock;

    TemplateRenderer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A rendered subject and body. */
    public record Rendered(String subject, String body) {
    }

    /** An invalid template: {@code message} is the parser's error. */
    public static class TemplateError extends RuntimeException {
        public TemplateError(String field, String message) {
            super(field + ": " + message);
        }
    }

    public Rendered render(TemplateKind kind, String locale, ChannelKind channel, Map<String, Object> vars) {
        DefaultTemplates.Template t = active(kind, locale);
        return render(t.subject(), t.body(), channel, vars);
    }

    public Rendered render(String subject, String body, ChannelKind channel, Map<String, Object> vars) {
        Mustache.Compiler compiler = compiler(channel);
        return new Rendered(compile(compiler, "subject", subject).execute(vars).strip(),
                compile(compiler, "body", body).execute(vars).strip());
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
        Mustache.Compiler compiler = compiler(ChannelKind.WEBHOOK);
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

    private static Mustache.Compiler compiler(ChannelKind channel) {
        Mustache.Escaper escaper = channel == ChannelKind.SLACK
                ? Escapers.simple(new String[][] { { "&", "&amp;" }, { "<", "&lt;" }, { ">", "&gt;" } })
                : Escapers.NONE;
        // Partials are refused: a template can never read a file.
        return Mustache.compiler().withEscaper(escaper).defaultValue("")
                .withLoader(name -> {
                    throw new MustacheException("partials are not supported");
                });
    }
}
