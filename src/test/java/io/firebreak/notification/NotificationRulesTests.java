package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.notification.internal.ChannelConfig;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.notification.internal.NotificationRule;
import io.firebreak.notification.internal.NotificationRules;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/** Personal notification rules: one's own with any role, another's only as ADMIN; validation; the page. */
@FirebreakTest
class NotificationRulesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    NotificationRules rules;
    @Autowired
    ChannelRepository channels;
    @Autowired
    MutableClock clock;

    long channel(ChannelKind kind, boolean customer) {
        String name = "rules-" + UUID.randomUUID();
        return channels.insert(new ChannelConfig(0, name, kind, "https://hooks.example.org/" + name, List.of(), null,
                null, "en", List.of("NONE"), null, false, customer), clock.instant());
    }

    @Test
    void everyRoleEditsItsOwnRulesAndOnlyAdminsAnothers() {
        long slack = channel(ChannelKind.SLACK, false);
        var body = Map.of("rules", List.of(Map.of("method", "CHANNEL", "channelId", slack, "delayMinutes", 0),
                Map.of("method", "EMAIL", "delayMinutes", 5)));
        UserView other = users.create(Role.RESPONDER);
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            UserView me = users.create(role);
            String token = api.token(me.username(), TestUsers.PASSWORD);
            var empty = api.get("/api/v1/users/me/notification-rules", token);
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.body().get("rules").size()).isZero();
            assertThat(empty.body().get("effective").get(0).get("method").asString()).isEqualTo("EMAIL");
            var put = api.put("/api/v1/users/me/notification-rules", token, body);
            assertThat(put.status()).as(role + " " + put.raw()).isEqualTo(200);
            assertThat(rules.stored(me.id())).containsExactly(
                    new NotificationRule(NotificationRule.Method.CHANNEL, slack, 0),
                    new NotificationRule(NotificationRule.Method.EMAIL, null, 5));
            assertThat(api.get("/api/v1/users/" + me.id() + "/notification-rules", token).status()).isEqualTo(200);
            String others = "/api/v1/users/" + other.id() + "/notification-rules";
            assertThat(api.get(others, token).status()).isEqualTo(403);
            assertThat(api.put(others, token, body).status()).as(role.name()).isEqualTo(403);
        }
        assertThat(rules.stored(other.id())).isEmpty();
        String admin = users.tokenFor(Role.ADMIN);
        String others = "/api/v1/users/" + other.id() + "/notification-rules";
        assertThat(api.put(others, admin, body).status()).isEqualTo(200);
        assertThat(api.get(others, admin).body().get("rules").size()).isEqualTo(2);
        assertThat(api.put(others, admin, Map.of("rules", List.of())).status()).isEqualTo(200);
        assertThat(rules.effective(other.id())).containsExactly(NotificationRule.EMAIL_AT_ONCE);
        assertThat(api.get("/api/v1/users/987654321/notification-rules", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/me/notification-rules", null).status()).isEqualTo(401);
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndNothingIsHalfWritten() {
        UserView me = users.create(Role.RESPONDER);
        String token = api.token(me.username(), TestUsers.PASSWORD);
        String path = "/api/v1/users/me/notification-rules";
        assertThat(api.put(path, token, Map.of("rules", List.of(Map.of("method", "EMAIL", "delayMinutes", 3))))
                .status()).isEqualTo(200);
        long customer = channel(ChannelKind.WEBHOOK, true);
        long mail = channel(ChannelKind.EMAIL, false);
        Map<String, Map<String, Object>> bad = Map.of(
                "rules[1].channelId", Map.of("method", "CHANNEL", "channelId", 987654321L, "delayMinutes", 0),
                "rules[1].delayMinutes", Map.of("method", "EMAIL", "delayMinutes", -1),
                "rules[1].method", Map.of("delayMinutes", 0));
        for (var e : bad.entrySet()) {
            var r = api.put(path, token, Map.of("rules", List.of(Map.of("method", "EMAIL", "delayMinutes", 0),
                    e.getValue())));
            assertThat(r.status()).as(e.getKey() + " " + r.raw()).isEqualTo(400);
            assertThat(r.body().get("field").asString()).isEqualTo(e.getKey());
        }
        for (long refused : List.of(customer, mail)) {
            var r = api.put(path, token, Map.of("rules", List.of(Map.of("method", "CHANNEL", "channelId", refused,
                    "delayMinutes", 0))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("field").asString()).isEqualTo("rules[0].channelId");
        }
        var tooLong = api.put(path, token, Map.of("rules",
                java.util.Collections.nCopies(11, Map.of("method", "EMAIL", "delayMinutes", 0))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(rules.stored(me.id())).containsExactly(new NotificationRule(NotificationRule.Method.EMAIL, null, 3));
    }

    @Test
    void thePageEditsOnesOwnRulesAndOnlyAdminsAnothers() {
        long slack = channel(ChannelKind.SLACK, false);
        UserView viewer = users.create(Role.VIEWER);
        UserView other = users.create(Role.RESPONDER);
        WebSession web = new WebSession(api.baseUrl()).login(viewer.username(), TestUsers.PASSWORD);
        var page = web.get("/notifications/contacts");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rules-form\"").contains("CHANNEL:" + slack);
        var saved = web.post("/notifications/contacts/rules", Map.of("userId", viewer.id(),
                "method", List.of("CHANNEL:" + slack, "", "EMAIL"), "delay", List.of("0", "", "15")));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(rules.stored(viewer.id())).containsExactly(
                new NotificationRule(NotificationRule.Method.CHANNEL, slack, 0),
                new NotificationRule(NotificationRule.Method.EMAIL, null, 15));
        var bad = web.post("/notifications/contacts/rules", Map.of("userId", viewer.id(), "method", "EMAIL",
                "delay", "soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("rules[0].delayMinutes");
        assertThat(web.post("/notifications/contacts/rules", Map.of("userId", other.id(), "method", "EMAIL",
                "delay", "0")).status()).isEqualTo(403);
        assertThat(rules.stored(other.id())).isEmpty();
    }
}
