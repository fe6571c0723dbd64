package io.firebreak.oncall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserView;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import tools.jackson.databind.JsonNode;

@FirebreakTest
class ScheduleApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired TeamManagement teams;
    @Autowired CatalogManagement catalog;
    @Autowired AuditManagement audit;
    @Autowired MutableClock clock;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    String login(UserView user) {
        return api.token(user.username(), TestUsers.PASSWORD);
    }

    /** A schedule in UTC with one daily layer of the given people handing off at 00:00, started a week ago. */
    long schedule(String admin, Long teamId, UserView... people) {
        var body = new HashMap<String, Object>();
        body.put("name", unique("sched"));
        body.put("timeZone", "UTC");
        body.put("teamId", teamId);
        var created = api.post("/api/v1/schedules", admin, body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        var layer = api.post("/api/v1/schedules/" + id + "/layers", admin, layer("primary", people));
        assertThat(layer.status()).as(layer.raw()).isEqualTo(201);
        return id;
    }

    Map<String, Object> layer(String name, UserView... people) {
        return Map.of("name", name, "shiftKind", "DAILY", "handoffTime", "00:00",
                "startDate", today().minusDays(7).toString(),
                "participantIds", java.util.Arrays.stream(people).map(UserView::id).toList());
    }

    LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void everyoneReadsOnlyAdminsChangeSchedulesAndLayers() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        long id = schedule(admin, null, alice);
        for (Role role : Role.values()) {
            String token = users.tokenFor(role);
            assertThat(api.get("/api/v1/schedules", token).raw()).as(role.name()).contains("\"id\":" + id);
            assertThat(api.get("/api/v1/schedules/" + id, token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/schedules/" + id + "/shifts", token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/schedules/" + id + "/overrides", token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/oncall?scheduleId=" + id, token).status()).isEqualTo(200);
            if (role != Role.ADMIN) {
                assertThat(api.post("/api/v1/schedules", token, Map.of("name", "x", "timeZone", "UTC")).status())
                        .as(role.name()).isEqualTo(403);
                assertThat(api.put("/api/v1/schedules/" + id, token, Map.of("name", "x", "timeZone", "UTC"))
                        .status()).isEqualTo(403);
                assertThat(api.post("/api/v1/schedules/" + id + "/layers", token, layer("x", alice)).status())
                        .isEqualTo(403);
                assertThat(api.delete("/api/v1/schedules/" + id, token).status()).isEqualTo(403);
            }
        }
        assertThat(api.get("/api/v1/oncall", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/schedules", null).status()).isEqualTo(401);
    }

    @Test
    void adminKeepsSchedulesWithAudit() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        long id = schedule(admin, null, alice);
        JsonNode view = api.get("/api/v1/schedules/" + id, admin).body();
        long layerId = view.get("layers").get(0).get("id").asLong();
        assertThat(view.get("layers").get(0).get("position").asInt()).isEqualTo(1);
        var second = api.post("/api/v1/schedules/" + id + "/layers", admin, layer("backup", bob)).body();
        assertThat(second.get("layers").get(0).get("name").asString()).isEqualTo("backup");
        assertThat(second.get("layers").get(0).get("position").asInt()).isEqualTo(2);
        // The higher layer (backup, Bob) wins.
        assertThat(api.get("/api/v1/oncall?scheduleId=" + id, admin).body().get(0).get("userId").asLong())
                .isEqualTo(bob.id());
        var updated = api.put("/api/v1/schedules/" + id + "/layers/" + layerId, admin,
                Map.of("name", "primary", "position", 5, "shiftKind", "CUSTOM_HOURS", "shiftLength", 12,
                        "handoffTime", "08:00", "startDate", today().minusDays(2).toString(),
                        "participantIds", List.of(alice.id(), bob.id())));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("layers").get(0).get("shiftKind").asString()).isEqualTo("CUSTOM_HOURS");
        var renamed = api.put("/api/v1/schedules/" + id, admin, Map.of("name", unique("renamed"), "timeZone",
                "Asia/Shanghai"));
        assertThat(renamed.body().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(api.delete("/api/v1/schedules/" + id + "/layers/" + layerId, admin).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/schedules/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/schedules/" + id, admin).status()).isEqualTo(404);
        var actions = audit.list("schedule", new PageRequest(0, 200)).items().stream()
                .filter(e -> e.entityId().equals(String.valueOf(id))).map(e -> e.action()).toList();
        assertThat(actions).contains("created", "layer-added", "layer-updated", "updated", "layer-deleted",
                "deleted");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        long id = schedule(admin, null, alice);
        assertField(api.get("/api/v1/oncall?at=yesterday", admin), "at");
        assertField(api.get("/api/v1/oncall?at=2026-03-01T09:00", admin), "at");
        assertField(api.get("/api/v1/oncall?scheduleId=abc", admin), "scheduleId");
        assertField(api.get("/api/v1/schedules/" + id + "/shifts?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z",
                admin), "to");
        assertField(api.post("/api/v1/schedules", admin, Map.of("name", " ", "timeZone", "UTC")), "name");
        assertField(api.post("/api/v1/schedules", admin, Map.of("name", unique("z"), "timeZone", "Mars/Base")),
                "timeZone");
        assertField(api.post("/api/v1/schedules", admin, Map.of("name", unique("z"), "timeZone", "UTC",
                "teamId", 987654321)), "teamId");
        assertThat(api.post("/api/v1/schedules", admin, Map.of("name",
                api.get("/api/v1/schedules/" + id, admin).body().get("name").asString().toUpperCase(),
                "timeZone", "UTC")).status()).isEqualTo(409);
        Map<String, Object[]> layerCases = new java.util.LinkedHashMap<>();
        layerCases.put("shiftKind", new Object[] { "shiftKind", "HOURLY" });
        layerCases.put("shiftLength", new Object[] { "shiftKind", "CUSTOM_DAYS" });
        layerCases.put("handoffTime", new Object[] { "handoffTime", "25:00" });
        layerCases.put("startDate", new Object[] { "startDate", null });
        layerCases.put("endDate", new Object[] { "endDate", today().minusDays(30).toString() });
        layerCases.put("participantIds", new Object[] { "participantIds", List.of(987654321L) });
        for (var c : layerCases.entrySet()) {
            var body = new HashMap<String, Object>(layer("bad", alice));
            body.put((String) c.getValue()[0], c.getValue()[1]);
            assertField(api.post("/api/v1/schedules/" + id + "/layers", admin, body), c.getKey());
        }
        assertField(api.post("/api/v1/schedules/" + id + "/overrides", admin,
                Map.of("userId", alice.id(), "start", "2026-01-01T00:00:00Z", "end", "2025-01-01T00:00:00Z")), "end");
        assertField(api.post("/api/v1/schedules/" + id + "/overrides", admin,
                Map.of("userId", 987654321L, "start", "2026-01-01T00:00:00Z", "end", "2027-01-01T00:00:00Z")),
                "userId");
        assertThat(api.get("/api/v1/oncall?scheduleId=987654321", admin).body()).isEmpty();
        assertThat(api.post("/api/v1/schedules/987654321/take-shift", admin, "").status()).isEqualTo(404);
    }

    private static void assertField(ApiClient.Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).as(res.raw()).isEqualTo(field);
    }

    @Test
    void onCallByScheduleTeamAndServiceAtAnInstant() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        long team = teams.create(new TeamDefinition(unique("api-team"), null), "test").id();
        long id = schedule(admin, team, alice, bob);
        long service = catalog.create(new ServiceDefinition(unique("api-svc"), null, team, false, 2, List.of()),
                "test").id();
        Instant startOfWeek = today().minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC);
        String at = startOfWeek.plus(1, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS).toString();
        for (String q : List.of("scheduleId=" + id, "teamId=" + team, "serviceId=" + service)) {
            JsonNode shifts = api.get("/api/v1/oncall?at=" + at + "&" + q, admin).body();
            assertThat(shifts).as(q).hasSize(1);
            assertThat(shifts.get(0).get("userId").asLong()).isEqualTo(bob.id());
            assertThat(shifts.get(0).get("start").asString()).isEqualTo(startOfWeek.plus(1, ChronoUnit.DAYS).toString());
        }
        JsonNode next = api.get("/api/v1/oncall/next?scheduleId=" + id + "&at=" + at, admin).body();
        assertThat(next.get(0).get("userId").asLong()).isEqualTo(alice.id());
        assertThat(api.get("/api/v1/oncall?teamId=" + team + "&serviceId=" + service, admin).status()).isEqualTo(400);
        JsonNode week = api.get("/api/v1/schedules/" + id + "/shifts?from=" + startOfWeek + "&to="
                + startOfWeek.plus(7, ChronoUnit.DAYS), admin).body();
        assertThat(week).hasSize(7);
    }

    @Test
    void respondersOverrideOnlyThemselvesManagersAnyone() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        UserView commander = users.create(Role.COMMANDER);
        long id = schedule(admin, null, alice);
        Instant start = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> forBob = Map.of("userId", bob.id(), "start", start.toString(), "end",
                start.plus(8, ChronoUnit.HOURS).toString());
        assertThat(api.post("/api/v1/schedules/" + id + "/overrides", login(alice), forBob).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/schedules/" + id + "/overrides", users.tokenFor(Role.VIEWER), forBob).status())
                .isEqualTo(403);
        var own = api.post("/api/v1/schedules/" + id + "/overrides", login(bob), forBob);
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        var byCommander = api.post("/api/v1/schedules/" + id + "/overrides", login(commander), forBob);
        assertThat(byCommander.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/oncall?scheduleId=" + id + "&at=" + start.plusSeconds(60), admin).body().get(0)
                .get("userId").asLong()).isEqualTo(bob.id());
        long ownId = own.body().get("id").asLong();
        assertThat(api.delete("/api/v1/schedules/" + id + "/overrides/" + ownId, login(alice)).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/schedules/" + id + "/overrides/" + ownId, login(bob)).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/schedules/" + id + "/overrides/" + byCommander.body().get("id").asLong(),
                admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/schedules/" + id + "/overrides", admin).body()).isEmpty();
        assertThat(api.get("/api/v1/oncall?scheduleId=" + id + "&at=" + start.plusSeconds(60), admin).body().get(0)
                .get("userId").asLong()).isEqualTo(alice.id());
    }

    @Test
    void takeThisShiftNowCoversUntilTheEndOfTheCurrentStretch() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        long id = schedule(admin, null, alice);
        var taken = api.post("/api/v1/schedules/" + id + "/take-shift", login(bob), "");
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.body().get("kind").asString()).isEqualTo("TAKE");
        JsonNode now = api.get("/api/v1/oncall?scheduleId=" + id, admin).body().get(0);
        assertThat(now.get("userId").asLong()).isEqualTo(bob.id());
        assertThat(now.get("override").asBoolean()).isTrue();
        // Alice is alone on a daily rotation: her stretch (and so Bob's cover) lasts as far as the look-ahead.
        assertThat(Instant.parse(taken.body().get("end").asString())).isAfter(clock.instant().plus(20, ChronoUnit.DAYS));
        assertThat(api.post("/api/v1/schedules/" + id + "/take-shift", login(bob), "").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/schedules/" + id + "/take-shift", users.tokenFor(Role.VIEWER), "").status())
                .isEqualTo(403);
    }

    @Test
    void swapsExchangeTwoStretchesByThePeopleOrAManager() {
        String admin = users.tokenFor(Role.ADMIN);
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        UserView carol = users.create(Role.RESPONDER);
        long id = schedule(admin, null, alice, bob);
        Instant tomorrow = today().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(6, ChronoUnit.HOURS);
        Instant dayAfter = tomorrow.plus(1, ChronoUnit.DAYS);
        long tomorrowPerson = who(admin, id, tomorrow);
        long dayAfterPerson = who(admin, id, dayAfter);
        assertThat(tomorrowPerson).isNotEqualTo(dayAfterPerson);
        var swap = Map.of("firstAt", tomorrow.toString(), "secondAt", dayAfter.toString());
        assertThat(api.post("/api/v1/schedules/" + id + "/swaps", login(carol), swap).status()).isEqualTo(403);
        var made = api.post("/api/v1/schedules/" + id + "/swaps", login(bob), swap);
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(made.body()).hasSize(2);
        assertThat(made.body().get(0).get("swapId").asString()).isEqualTo(made.body().get(1).get("swapId").asString());
        assertThat(who(admin, id, tomorrow)).isEqualTo(dayAfterPerson);
        assertThat(who(admin, id, dayAfter)).isEqualTo(tomorrowPerson);
        assertThat(api.post("/api/v1/schedules/" + id + "/swaps", admin, Map.of("firstAt", tomorrow.toString(),
                "secondAt", tomorrow.plusSeconds(60).toString())).status()).isEqualTo(400);
    }

    private long who(String token, long scheduleId, Instant at) {
        return api.get("/api/v1/oncall?scheduleId=" + scheduleId + "&at=" + at, token).body().get(0).get("userId")
                .asLong();
    }
}
