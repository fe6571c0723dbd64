package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.notification.internal.AckLinks;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/** Acknowledge links: valid (once, as the named person), reused, expired, forged; carried by page messages. */
@FirebreakTest
class NotificationAckTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    AckLinks links;
    @Autowired
    IncidentManagement incidents;
    @Autowired
    MutableClock clock;
    @Autowired
    ChannelRepository channels;
    @Autowired
    MessageRepository messages;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    long declare() {
        var r = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER),
                Map.of("title", "Ack link test " + UUID.randomUUID(), "level", "P3"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void aValidLinkAcknowledgesOnceAsThePersonItNames() throws Exception {
        String person = users.create(Role.RESPONDER).username();
        long id = declare();
        String token = links.issue(id, person, "SLACK");

        var page = get("/ack/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ack-form\"").contains(person);
        assertThat(incidents.get(String.valueOf(id)).status()).isEqualTo(IncidentStatus.DETECTED);

        var done = post("/ack/" + token);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"ack-done\"");
        var incident = incidents.get(String.valueOf(id));
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.stages().get(incident.stages().size() - 1).by()).isEqualTo(person);

        var again = post("/ack/" + token);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("id=\"ack-refused\"");
        assertThat(get("/ack/" + token).statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        long id = declare();
        String token = links.issue(id, users.create(Role.RESPONDER).username(), "EMAIL");
        clock.advance(Duration.ofMinutes(61));
        assertThat(post("/ack/" + token).statusCode()).isEqualTo(403);
        assertThat(incidents.get(String.valueOf(id)).status()).isEqualTo(IncidentStatus.DETECTED);
    }

    @Test
    void aForgedLinkIsRefused() throws Exception {
        long id = declare();
        String token = links.issue(id, users.create(Role.RESPONDER).username(), "FEISHU");
        String payload = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (id + "|admin|FEISHU|" + (clock.instant().getEpochSecond() + 3600) + "|abc").getBytes());
        char flipped = mac.charAt(0) == 'a' ? 'b' : 'a';
        for (String forged : List.of(otherPayload + "." + mac, payload + "." + flipped + mac.substring(1),
                "nonsense", payload)) {
            assertThat(post("/ack/" + forged).statusCode()).as(forged).isEqualTo(403);
        }
        assertThat(incidents.get(String.valueOf(id)).status()).isEqualTo(IncidentStatus.DETECTED);
    }

    @Test
    void pageMessagesCarryTheLinkForTheChannelsPerson() throws Exception {
        String person = users.create(Role.RESPONDER).username();
        long channelId = channels.insert(new ChannelConfig(0, "ack-" + UUID.randomUUID(), ChannelKind.WEBHOOK,
                "https://hooks.example.org/x", List.of(), null, null, "en", List.of("P3"), person, true, false),
                clock.instant());
        try {
            long id = declare();
            var mine = messages.forIncident(id).stream().filter(m -> m.channelId() == channelId).toList();
            assertThat(mine).hasSize(1);
            String ackUrl = mine.get(0).ackUrl();
            assertThat(ackUrl).contains("/ack/");
            String token = ackUrl.substring(ackUrl.indexOf("/ack/") + 5);
            assertThat(links.verify(token).username()).isEqualTo(person);
            assertThat(links.verify(token).channel()).isEqualTo("WEBHOOK");
        } finally {
            var c = channels.find(channelId).orElseThrow();
            channels.update(new ChannelConfig(c.id(), c.name(), c.kind(), c.target(), c.mentions(), c.smtp(), null,
                    c.locale(), c.levels(), c.ackAs(), false, c.customer()));
        }
    }
}
