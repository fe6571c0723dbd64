package io.firebreak.notification.internal.channel;

import java.util.List;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.DeliveryResult;
import io.firebreak.notification.internal.NotificationChannel;
import io.firebreak.notification.internal.OutboundMessage;
import io.firebreak.notification.internal.UrlGuard;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Email over the channel's SMTP server (host, port, STARTTLS, user and password): a multipart
 * message with a plain-text part and an HTML part (the text HTML-escaped, so tags in alert text stay
 * literal). The idempotency key travels as the {@code X-Firebreak-Idempotency-Key} header.
 * Connection problems are retried, authentication and address errors are final. The SMTP host is
 * checked like a webhook URL as each email's connection opens ({@link UrlGuard#checkSmtpHost}): an
 * internal relay must be allow-listed (admin allow-list or
 * {@code firebreak.notification.smtp-allowed-hosts}), and the socket connects to the address that
 * check resolved ({@link PinnedSocketFactory}), so the name is never looked up a second time.
 */
@Component
class EmailChannel implements NotificationChannel {

    private static final String TIMEOUT_MS = "10000";

    private final UrlGuard guard;
    private final List<String> smtpAllowed;

    EmailChannel(UrlGuard guard, @Value("${firebreak.notification.smtp-allowed-hosts:}") List<String> smtpAllowed) {
        this.guard = guard;
        this.smtpAllowed = smtpAllowed.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public DeliveryResult send(ChannelConfig channel, OutboundMessage message) {
        ChannelConfig.SmtpSettings smtp = channel.smtp();
        if (smtp == null || smtp.host() == null || smtp.host().isBlank()) {
            return new DeliveryResult(DeliveryResult.Outcome.FAILED, null, null, "no SMTP server configured");
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(channel.secret());
        }
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.tls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.tls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        // The connection goes to the address the guard checks as it connects; no fallback to a plain
        // socket that would look the name up again.
        props.put("mail.smtp.socketFactory", new PinnedSocketFactory(host -> guard.checkSmtpHost(host, smtpAllowed)));
        props.put("mail.smtp.socketFactory.fallback", "false");
        // STARTTLS wraps that socket with the host name: SNI and the certificate are checked against it
        // (Angus Mail's default, stated so the pinning never loses it).
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(smtp.from());
            helper.setTo(channel.target().split("\\s*,\\s*"));
            helper.setSubject(message.subject());
            helper.setText(plain(message), html(message));
            mime.setHeader("X-Firebreak-Idempotency-Key", message.idempotencyKey());
            sender.send(mime);
            return new DeliveryResult(DeliveryResult.Outcome.SENT, 250, "accepted by " + smtp.host(), null);
        } catch (MessagingException | MailParseException | MailPreparationException | MailAuthenticationException e) {
            return new DeliveryResult(DeliveryResult.Outcome.FAILED, null, null, String.valueOf(e.getMessage()));
        } catch (MailException e) {
            String refused = refusal(e);
            if (refused != null) {
                return new DeliveryResult(DeliveryResult.Outcome.FAILED, null, null, "SMTP host refused: " + refused);
            }
            return new DeliveryResult(DeliveryResult.Outcome.RETRY, null, null, String.valueOf(e.getMessage()));
        }
    }

    /** The guard's reason if the connection was refused (wrapped by JavaMail and Spring), else null. */
    private static String refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedSocketFactory.RefusedHost refused) {
                return refused.getMessage();
            }
        }
        return null;
    }

    static String plain(OutboundMessage message) {
        StringBuilder s = new StringBuilder(message.text());
        if (message.linkUrl() != null) {
            s.append("\n\n").append(message.linkUrl());
        }
        if (message.ackUrl() != null) {
            s.append("\n").append(message.ackUrl());
        }
        return s.toString();
    }

    static String html(OutboundMessage message) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html><body><div>");
        if (message.html() != null) {
            // Rendered from the HTML template: its values are already HTML-escaped.
            s.append(message.html());
        } else {
            for (String line : message.text().split("\n", -1)) {
                s.append(HtmlUtils.htmlEscape(line)).append("<br>");
            }
        }
        s.append("</div>");
        if (message.linkUrl() != null) {
            s.append("<p><a href=\"").append(HtmlUtils.htmlEscape(message.linkUrl())).append("\">")
                    .append(HtmlUtils.htmlEscape(message.linkUrl())).append("</a></p>");
        }
        if (message.ackUrl() != null) {
            s.append("<p><a href=\"").append(HtmlUtils.htmlEscape(message.ackUrl())).append("\">ACK</a></p>");
        }
        return s.append("</body></html>").toString();
    }
}
