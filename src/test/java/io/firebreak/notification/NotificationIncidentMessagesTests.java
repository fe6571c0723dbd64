package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.MessageRepository;
import io.firebreak.notification.internal.StoredMessage;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/**
 * Status updates and customer notices from an incident: the 📊 text to the internal audience, the
 * seed customer notice to customer channels, approval by the commander for P0/P1, the panel.
 */
@FirebreakTest
class NotificationIncidentMessagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    ChannelRepository channels;
    @Autowired
    MessageRepository messages;
    @Autowired
    MutableClock clock;

    long internal;
    long customer;

    @BeforeEach
    void channels() {
        internal = channels.insert(new ChannelConfig(0, "int-" + UUID.randomUUID(), ChannelKind.WEBHOOK,
                "https://hooks.example.org/int", List.of(), null, null, "zh-CN", List.of("P1", "P3"), null, true,
                false), clock.instant());
        customer = channels.insert(new ChannelConfig(0, "cust-" + UUID.randomUUID(), ChannelKind.WEBHOOK,
                "https://hooks.example.org/cust", List.of(), null, null, "zh-CN", List.of(), null, true, true),
                clock.instant());
    }

    @AfterEach
    void disable() {
        for (long id : List.of(internal, customer)) {
            var c = channels.find(id).orElseThrow();
            channels.update(new ChannelConfig(c.id(), c.name(), c.kind(), c.target(), c.mentions(), c.smtp(), null,
                    c.locale(), c.levels(), c.ackAs(), false, c.customer()));
        }
    }

    String declare(String level) {
        var r = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER),
                Map.of("title", "Notice test " + UUID.randomUUID(), "level", level));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("number").asString();
    }

    List<StoredMessage> on(String number, long channel) {
        long id = Long.parseLong(api.get("/api/v1/incidents/" + number, users.tokenFor(Role.VIEWER)).body()
                .get("id").asString());
        return messages.forIncident(id).stream().filter(m -> m.channelId() == channel).toList();
    }

    @Test
    void aStatusUpdateUsesTheSeedTemplateForTheInternalAudienceOnly() {
        String number = declare("P3");
        var r = api.post("/api/v1/notifications/incidents/" + number + "/status-updates",
                users.tokenFor(Role.RESPONDER), Map.of("status", "处理中", "progress", "已重启 {{service}}",
                        "eta", "15:30"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        var update = on(number, internal).stream().filter(m -> m.template().equals("STATUS_UPDATE")).toList();
        assertThat(update).hasSize(1);
        assertThat(update.get(0).body()).isEqualTo("📊 事件 #" + number + " 更新\n当前状态：处理中\n进展：已重启 {{service}}\n"
                + "预计恢复时间：15:30");
        assertThat(on(number, customer)).isEmpty();
        assertThat(api.post("/api/v1/notifications/incidents/" + number + "/status-updates",
                users.tokenFor(Role.RESPONDER), Map.of("status", "x")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/notifications/incidents/" + number + "/status-updates",
                users.tokenFor(Role.VIEWER), Map.of("status", "x", "progress", "y")).status()).isEqualTo(403);
    }

    @Test
    void aP1CustomerNoticeWaitsForTheCommandersApproval() {
        String number = declare("P1");
        UserView commander = users.create(Role.RESPONDER);
        String responder = users.tokenFor(Role.RESPONDER);
        assertThat(api.put("/api/v1/incidents/" + number + "/roles/COMMANDER", responder,
                Map.of("userId", commander.id())).status()).isEqualTo(200);

        var r = api.post("/api/v1/notifications/incidents/" + number + "/customer-notices", responder,
                Map.of("kind", "CUSTOMER_NOTICE", "eta", "18:00"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        StoredMessage notice = on(number, customer).get(0);
        assertThat(notice.status()).isEqualTo(MessageStatus.AWAITING_APPROVAL);
        assertThat(notice.body()).startsWith("尊敬的用户：").contains("预计在18:00恢复服务");

        String path = "/api/v1/notifications/incidents/" + number + "/messages/" + notice.id() + "/approve";
        assertThat(api.post(path, responder, Map.of()).status()).isEqualTo(403);
        assertThat(messages.find(notice.id()).orElseThrow().status()).isEqualTo(MessageStatus.AWAITING_APPROVAL);

        WebSession web = new WebSession(api.baseUrl()).login(commander.username(), TestUsers.PASSWORD);
        var panel = web.get("/incidents/" + number + "/messages");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("data-status=\"AWAITING_APPROVAL\"").contains("/approve");
        var approved = web.post("/incidents/" + number + "/messages/" + notice.id() + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(messages.find(notice.id()).orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
        assertThat(api.post(path, responder, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aP3CustomerNoticeGoesOutWithoutApproval() {
        String number = declare("P3");
        var r = api.post("/api/v1/notifications/incidents/" + number + "/customer-notices",
                users.tokenFor(Role.RESPONDER), Map.of("kind", "SERVICE_RESTORED"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        StoredMessage notice = on(number, customer).get(0);
        assertThat(notice.status()).isIn(MessageStatus.PENDING, MessageStatus.SENDING, MessageStatus.FAILED);
        assertThat(notice.body()).startsWith("尊敬的用户：\n\n系统已恢复正常");
    }

    @Test
    void thePanelListsMessagesAndOffersTheFormsToResponders() {
        String number = declare("P3");
        UserView viewer = users.create(Role.VIEWER);
        WebSession web = new WebSession(api.baseUrl()).login(viewer.username(), TestUsers.PASSWORD);
        var panel = web.get("/incidents/" + number + "/messages");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("INCIDENT_OPENED").doesNotContain("status-update-form");
        assertThat(web.post("/incidents/" + number + "/messages/status-update",
                Map.of("status", "a", "progress", "b")).status()).isEqualTo(403);

        UserView responder = users.create(Role.RESPONDER);
        WebSession rw = new WebSession(api.baseUrl()).login(responder.username(), TestUsers.PASSWORD);
        assertThat(rw.get("/incidents/" + number + "/messages").body()).contains("status-update-form");
        var posted = rw.post("/incidents/" + number + "/messages/status-update",
                Map.of("status", "investigating", "progress", "<script>x</script>"));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
        assertThat(rw.get("/incidents/" + number).body()).contains("/incidents/" + number + "/messages");
    }
}
