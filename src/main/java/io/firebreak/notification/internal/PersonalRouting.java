package io.firebreak.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.MessageStatus;

/**
 * Reaches one person by one of their rules: EMAIL goes to their identity address through the SMTP
 * server of the internal email channel ({@link ChannelRepository#emailSender}), in their language;
 * CHANNEL posts to that channel in its language, @-mentioning them with their contact methods (or
 * mobile for DingTalk/WeCom). With {@code withAck} the acknowledge link acknowledges as the person.
 * When the rule cannot reach them, a FAILED ledger entry says why and nothing is queued.
 */
@Component
public class PersonalRouting {

    private final ChannelRepository channels;
    private final ContactBook contacts;
    private final Outbox outbox;
    private final MessageRepository messages;

    PersonalRouting(ChannelRepository channels, ContactBook contacts, Outbox outbox, MessageRepository messages) {
        this.channels = channels;
        this.contacts = contacts;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Queues the message about an incident to the person by the rule, due at {@code due}; the id if queued. */
    public Optional<Long> toIncidentPerson(TemplateKind kind, String event, IncidentView incident, UserView person,
            NotificationRule rule, Map<String, Object> extra, boolean withAck, Instant due, String actor) {
        Target target = target(person, rule);
        if (target.failure() != null) {
            outbox.unreachable(kind, event, incident, target.kind(), target.channelId(), target.destination(),
                    target.failure(), actor);
            return Optional.empty();
        }
        long id = outbox.enqueue(kind, event, incident, List.of(target.channel()), extra, withAck,
                MessageStatus.PENDING, null, actor, due).get(0);
        messages.route(id, target.recipients(), target.mention());
        return Optional.of(id);
    }

    /** Queues a notice that is not about an incident to the person by the rule, now; the id if queued. */
    public Optional<Long> noticeToPerson(TemplateKind kind, String event, UserView person, NotificationRule rule,
            Map<String, Object> vars, String actor) {
        Target target = target(person, rule);
        if (target.failure() != null) {
            outbox.unreachable(kind, event, null, target.kind(), target.channelId(), target.destination(),
                    target.failure(), actor);
            return Optional.empty();
        }
        long id = outbox.enqueueNotice(kind, event, target.channel(), vars, actor);
        messages.route(id, target.recipients(), target.mention());
        return Optional.of(id);
    }

    /**
     * Where a rule sends: the channel as this person's message goes through it (acknowledging as
     * them), the email recipients or @-mention, or why it cannot.
     */
    record Target(ChannelConfig channel, String recipients, String mention, ChannelKind kind, long channelId,
            String destination, String failure) {

        static Target unreachable(ChannelKind kind, long channelId, String destination, String failure) {
            return new Target(null, null, null, kind, channelId, destination, failure);
        }
    }

    Target target(UserView person, NotificationRule rule) {
        String who = person.username();
        if (rule.method() == NotificationRule.Method.EMAIL) {
            String email = person.email() == null ? "" : person.email().strip();
            if (email.isEmpty()) {
                return Target.unreachable(ChannelKind.EMAIL, 0, who,
                        "not sent: " + who + " has no email address on their profile");
            }
            ChannelConfig sender = channels.emailSender().orElse(null);
            if (sender == null) {
                return Target.unreachable(ChannelKind.EMAIL, 0, who + " <" + email + ">",
                        "not sent: no enabled email channel to send through");
            }
            ChannelConfig toPerson = new ChannelConfig(sender.id(), who + " via " + sender.name(), sender.kind(), email,
                    List.of(), sender.smtp(), sender.secret(), person.locale() == null ? sender.locale() : person.locale(),
                    sender.levels(), who, true, false);
            return new Target(toPerson, email, null, ChannelKind.EMAIL, sender.id(), null, null);
        }
        ChannelConfig c = channels.find(rule.channelId()).orElse(null);
        if (c == null) {
            return Target.unreachable(ChannelKind.WEBHOOK, rule.channelId(), who,
                    "not sent: channel #" + rule.channelId() + " of " + who + "'s rules no longer exists");
        }
        if (!c.enabled() || c.customer()) {
            return Target.unreachable(c.kind(), c.id(), c.name(), "not sent: channel " + c.name() + " is "
                    + (c.customer() ? "a customer channel" : "disabled"));
        }
        String mention = AudienceRouting.mention(c.kind(), person, contacts.of(person.id()));
        ChannelConfig asPerson = new ChannelConfig(c.id(), c.name(), c.kind(), c.target(), c.mentions(), c.smtp(),
                c.secret(), c.locale(), c.levels(), who, c.enabled(), c.customer());
        return new Target(asPerson, null, mention.isEmpty() ? null : mention, c.kind(), c.id(), null, null);
    }
}
