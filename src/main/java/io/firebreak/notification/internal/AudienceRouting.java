package io.firebreak.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import io.firebreak.identity.UserView;
import io.firebreak.incident.IncidentView;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.ContactMethods;
import io.firebreak.notification.MessageStatus;

/**
 * Sends an incident message to the whole audience of the incident's level: every channel of the
 * level (its own level list plus the audience's extra channels), with the audience's people
 * @-mentioned in the chat channels (their IM id for the tool, else their mobile for DingTalk and
 * WeCom), and one email to the people through the SMTP server of the first enabled email channel
 * (or, with none, a FAILED ledger entry saying why nobody was emailed).
 */
@Component
public class AudienceRouting {

    private final ChannelRepository channels;
    private final AudienceBook audiences;
    private final ContactBook contacts;
    private final Outbox outbox;
    private final MessageRepository messages;

    AudienceRouting(ChannelRepository channels, AudienceBook audiences, ContactBook contacts, Outbox outbox,
            MessageRepository messages) {
        this.channels = channels;
        this.audiences = audiences;
        this.contacts = contacts;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** True if the level's audience reaches anyone (a channel or a person). */
    public boolean reachesAnyone(String levelCode) {
        return !channelsOf(levelCode).isEmpty() || !audiences.people(levelCode).isEmpty();
    }

    /** Queues the message to the audience of the incident's level; returns the message ids. */
    public List<Long> enqueue(TemplateKind kind, String event, IncidentView incident, Map<String, Object> extra,
            boolean withAck, MessageStatus status, String reason, String actor) {
        String level = incident.levelCode();
        List<ChannelConfig> heard = channelsOf(level);
        List<UserView> people = audiences.people(level);
        List<Long> ids = new ArrayList<>(outbox.enqueue(kind, event, incident, heard, extra, withAck, status, reason,
                actor));
        if (people.isEmpty()) {
            return ids;
        }
        Map<Long, ContactMethods> contact = contacts.of(people.stream().map(UserView::id).toList());
        for (int i = 0; i < heard.size(); i++) {
            ChannelKind k = heard.get(i).kind();
            List<String> mentions = people.stream().map(p -> mention(k, p, contact.get(p.id())))
                    .filter(m -> !m.isEmpty()).distinct().toList();
            if (!mentions.isEmpty()) {
                messages.route(ids.get(i), null, String.join(",", mentions));
            }
        }
        List<String> emails = people.stream().map(UserView::email).filter(Objects::nonNull).map(String::strip)
                .filter(e -> !e.isEmpty()).distinct().toList();
        if (emails.isEmpty()) {
            return ids;
        }
        ChannelConfig sender = channels.emailSender().orElse(null);
        String recipients = String.join(",", emails);
        if (sender == null) {
            ids.add(outbox.unreachable(kind, event, incident, ChannelKind.EMAIL, 0,
                    "audience of " + level + " <" + recipients + ">",
                    "not emailed: no enabled email channel to send through", actor));
            return ids;
        }
        ChannelConfig toPeople = new ChannelConfig(sender.id(), "audience of " + level + " via " + sender.name(),
                sender.kind(), recipients, List.of(), sender.smtp(), sender.secret(), locale(people, sender),
                sender.levels(), sender.ackAs(), true, false);
        long id = outbox.enqueue(kind, event, incident, List.of(toPeople), extra, withAck, status, reason, actor)
                .get(0);
        messages.route(id, recipients, null);
        ids.add(id);
        return ids;
    }

    private List<ChannelConfig> channelsOf(String level) {
        Map<Long, ChannelConfig> all = new LinkedHashMap<>();
        channels.audience(level).forEach(c -> all.put(c.id(), c));
        audiences.extraChannels(level).forEach(c -> all.putIfAbsent(c.id(), c));
        return List.copyOf(all.values());
    }

    /** The people's language if they all share one, else the email channel's. */
    private static String locale(List<UserView> people, ChannelConfig sender) {
        List<String> locales = people.stream().map(UserView::locale).filter(Objects::nonNull).distinct().toList();
        return locales.size() == 1 ? locales.get(0) : sender.locale();
    }

    static String mention(ChannelKind kind, UserView person, ContactMethods contact) {
        String id = contact == null ? "" : contact.forKind(kind);
        if (!id.isEmpty()) {
            return id;
        }
        boolean byMobile = kind == ChannelKind.DINGTALK || kind == ChannelKind.WECOM;
        return byMobile && person.phone() != null ? person.phone().strip() : "";
    }
}
