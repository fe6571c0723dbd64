package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.support.ApiClient;
import io.firebreak.support.ApiClient.Response;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** The incident JSON API over real HTTP: lifecycle, validation, roles, search and concurrency. */
@FirebreakTest
class IncidentApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired IncidentManagement incidents;
    @Autowired io.firebreak.identity.UserManagement userManagement;
    @Autowired io.firebreak.identity.AuditManagement audit;

    private static final String BASE = "/api/v1/incidents";

    private Map<String, Object> declareBody(String title, String level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("level", level);
        return body;
    }

    private JsonNode declare(String token, String title, String level) {
        Response res = api.post(BASE, token, declareBody(title, level));
        assertThat(res.status()).as(res.raw()).isEqualTo(201);
        return res.body();
    }

    /** A catalog service to point incidents at (test fixture written straight into the catalog's table). */
    private long service(String name) {
        jdbc.sql("INSERT INTO catalog_service (name, description, core, tier, created_at) VALUES (:n, 'test', TRUE, 1, :at)")
                .param("n", name).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM catalog_service WHERE name = :n").param("n", name).query(Long.class).single();
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private static void assertField(Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.contentType()).contains("application/problem+json");
        assertThat(res.body().get("field").asString()).as(res.raw()).isEqualTo(field);
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.forEach(e -> out.add(e.get("kind").asString()));
        return out;
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Test
    void fullLifecycleOverHttp() {
        UserView responder = users.create(Role.RESPONDER);
        String token = api.token(responder.username(), TestUsers.PASSWORD);
        long svc = service(unique("checkout"));
        Map<String, Object> body = declareBody("Checkout returns 502", "P1");
        body.put("serviceIds", List.of(svc));
        body.put("description", "Nginx 502 on /pay");
        body.put("impactSummary", "All payments fail");
        Response created = api.post(BASE, token, body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode inc = created.body();
        long id = inc.get("id").asLong();
        String number = inc.get("number").asString();
        assertThat(number).matches("INC-\\d+");
        assertThat(inc.get("status").asString()).isEqualTo("DETECTED");
        assertThat(inc.get("levelCode").asString()).isEqualTo("P1");
        assertThat(inc.get("levelConfirmed").asBoolean()).isFalse();
        assertThat(inc.get("services").get(0).get("id").asLong()).isEqualTo(svc);
        assertThat(inc.get("clocks").get(0).get("state").asString()).isEqualTo("RUNNING");
        assertThat(inc.get("clocks").get(0).get("remainingSeconds").asLong()).isBetween(15 * 60 - 1L, 15 * 60L);
        assertThat(inc.get("verification").size()).isEqualTo(4);

        var get = api.get(BASE + "/" + number.toLowerCase(), token);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body().get("id").asLong()).isEqualTo(id);
        assertThat(api.get(BASE + "/" + id, token).body().get("number").asString()).isEqualTo(number);

        for (String step : List.of("acknowledge", "investigate", "mitigate", "resolve")) {
            Response moved = api.post(BASE + "/" + number + "/" + step, token, "");
            assertThat(moved.status()).as(step + ": " + moved.raw()).isEqualTo(200);
        }
        Response verified = api.post(BASE + "/" + number + "/verify", token,
                Map.of("checks", List.of("HEALTH_CHECK", "SMOKE_TEST", "METRICS_NORMAL", "USER_FEEDBACK")));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.body().get("status").asString()).isEqualTo("VERIFIED");
        Response closed = api.post(BASE + "/" + number + "/close", token, Map.of());
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        JsonNode done = closed.body();
        assertThat(done.get("status").asString()).isEqualTo("CLOSED");
        List<String> stages = new ArrayList<>();
        done.get("stages").forEach(s -> stages.add(s.get("stage").asString()));
        assertThat(stages).containsExactly("DETECTED", "ACKNOWLEDGED", "INVESTIGATING", "MITIGATED", "RESOLVED",
                "VERIFIED", "CLOSED");
        done.get("stages").forEach(s -> assertThat(s.get("by").asString()).isEqualTo(responder.username()));
        assertThat(done.get("clocks").get(0).get("state").asString()).isEqualTo("MET");
        assertThat(done.get("version").asLong()).isEqualTo(6);

        Response reopened = api.post(BASE + "/" + number + "/reopen", token, Map.of("reason", "errors are back"));
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        assertThat(reopened.body().get("status").asString()).isEqualTo("INVESTIGATING");

        JsonNode timeline = api.get(BASE + "/" + number + "/timeline", token).body();
        assertThat(kinds(timeline)).containsExactly("DECLARED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED",
                "STATUS_CHANGED", "VERIFICATION_CHECKED", "VERIFICATION_CHECKED", "VERIFICATION_CHECKED",
                "VERIFICATION_CHECKED", "STATUS_CHANGED", "CLOSED", "REOPENED");
        timeline.forEach(e -> assertThat(e.get("actor").asString()).isEqualTo(responder.username()));
        assertThat(timeline.get(1).get("text").asString()).isEqualTo("Status changed from Detected to Acknowledged");
        assertThat(timeline.get(11).get("detail").asString()).isEqualTo("errors are back");
    }

    @Test
    void everyOtherChangeWorksAndLandsOnTheTimelineWithActorAndTime() {
        String token = users.tokenFor(Role.RESPONDER);
        UserView lead = users.create(Role.RESPONDER);
        JsonNode inc = declare(token, "Redis memory full", "P2");
        String ref = "/" + inc.get("number").asString();

        Instant t1 = clock.instant();
        Response sev = api.put(BASE + ref + "/severity", token, Map.of("level", "P1", "reason", "core flow hit",
                "triage", Map.of("coreFunctionAffected", true, "businessImpact", "CORE")));
        assertThat(sev.status()).as(sev.raw()).isEqualTo(200);
        assertThat(sev.body().get("levelCode").asString()).isEqualTo("P1");
        assertThat(sev.body().get("levelConfirmed").asBoolean()).isTrue();
        assertThat(sev.body().get("triage").get("businessImpact").asString()).isEqualTo("CORE");

        Response role = api.put(BASE + ref + "/roles/tech-lead", token, Map.of("userId", lead.id()));
        assertThat(role.status()).as(role.raw()).isEqualTo(200);
        assertThat(role.body().get("roles").get(0).get("username").asString()).isEqualTo(lead.username());
        Response note = api.post(BASE + ref + "/notes", token, Map.of("kind", "STATUS_UPDATE", "body", "Evicting keys"));
        assertThat(note.status()).as(note.raw()).isEqualTo(200);
        assertThat(note.body().get("notes").get(0).get("body").asString()).isEqualTo("Evicting keys");
        Response action = api.post(BASE + ref + "/actions", token,
                Map.of("kind", "SCALE_OUT", "description", "Add two replicas"));
        assertThat(action.status()).as(action.raw()).isEqualTo(200);
        long actionId = action.body().get("actions").get(0).get("id").asLong();
        assertThat(action.body().get("actions").get(0).get("outcome").asString()).isEqualTo("IN_PROGRESS");
        Response updated = api.put(BASE + ref + "/actions/" + actionId, token,
                Map.of("outcome", "SUCCEEDED", "outcomeNote", "memory at 60%"));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("actions").get(0).get("outcome").asString()).isEqualTo("SUCCEEDED");
        Response cause = api.put(BASE + ref + "/cause", token, Map.of("directCause", "No maxmemory policy",
                "rootCauseCategory", "PROCESS", "rootCause", "No review of Redis config"));
        assertThat(cause.status()).as(cause.raw()).isEqualTo(200);
        assertThat(cause.body().get("rootCauseCategory").asString()).isEqualTo("PROCESS");
        Response ticket = api.put(BASE + ref + "/ticket", token, Map.of("url", "https://jira.example.com/browse/OPS-7"));
        assertThat(ticket.status()).as(ticket.raw()).isEqualTo(200);
        assertThat(ticket.body().get("ticketUrl").asString()).isEqualTo("https://jira.example.com/browse/OPS-7");
        Response check = api.put(BASE + ref + "/verification/health-check", token, Map.of("passed", true, "note", "200 OK"));
        assertThat(check.status()).as(check.raw()).isEqualTo(200);
        assertThat(check.body().get("verification").get(0).get("passed").asBoolean()).isTrue();
        Response details = api.patch(BASE + ref, token, Map.of("title", "Redis memory full on cache-1",
                "impactSummary", "Slow pages"));
        assertThat(details.status()).as(details.raw()).isEqualTo(200);
        assertThat(details.body().get("title").asString()).isEqualTo("Redis memory full on cache-1");
        Response unassigned = api.delete(BASE + ref + "/roles/TECH_LEAD", token);
        assertThat(unassigned.status()).as(unassigned.raw()).isEqualTo(200);
        assertThat(unassigned.body().get("roles").size()).isZero();

        JsonNode timeline = api.get(BASE + ref + "/timeline", token).body();
        assertThat(kinds(timeline)).containsExactly("DECLARED", "SEVERITY_CHANGED", "ROLE_ASSIGNED", "NOTE_ADDED",
                "ACTION_RECORDED", "ACTION_UPDATED", "CAUSE_UPDATED", "TICKET_LINKED", "VERIFICATION_CHECKED",
                "DETAILS_UPDATED", "ROLE_UNASSIGNED");
        timeline.forEach(e -> {
            assertThat(e.get("actor").asString()).isNotBlank().isNotEqualTo(lead.username());
            assertThat(Instant.parse(e.get("at").asString())).isAfterOrEqualTo(t1.minusSeconds(1));
        });
        assertThat(timeline.get(1).get("text").asString()).isEqualTo("Level changed from P2 to P1");
        assertThat(timeline.get(1).get("detail").asString()).isEqualTo("core flow hit");
        assertThat(timeline.get(2).get("text").asString()).isEqualTo("Tech lead: " + lead.username() + " assigned");
        assertThat(timeline.get(3).get("detail").asString()).isEqualTo("Evicting keys");
        assertThat(timeline.get(6).get("text").asString()).isEqualTo("Cause updated (root cause: Process)");
        assertThat(timeline.get(9).get("text").asString()).isEqualTo("Details updated: title, impact summary");

        var audited = audit.list("incident", new io.firebreak.shared.PageRequest(0, 200)).items().stream()
                .filter(a -> a.entityId().equals(inc.get("id").asString())).map(a -> a.action()).toList();
        assertThat(audited).containsExactlyInAnyOrder("declare", "change-severity", "assign-role", "add-note",
                "record-action", "update-action", "update-cause", "link-ticket", "check-verification",
                "update-details", "unassign-role");
    }

    @Test
    void declaringWithTriageAnswersOnlyTakesTheRecommendationAsConfirmed() {
        String token = users.tokenFor(Role.RESPONDER);
        Response res = api.post(BASE, token, Map.of("title", "Whole site down", "triage", Map.of("serviceDown", true)));
        assertThat(res.status()).as(res.raw()).isEqualTo(201);
        assertThat(res.body().get("levelCode").asString()).isEqualTo("P0");
        assertThat(res.body().get("levelConfirmed").asBoolean()).isTrue();
        List<String> stages = new ArrayList<>();
        res.body().get("stages").forEach(s -> stages.add(s.get("stage").asString()));
        assertThat(stages).containsExactly("DETECTED", "TRIAGED");
    }

    @Test
    void levelNamesFollowTheReadersLanguage() {
        UserView responder = users.create(Role.RESPONDER);
        IncidentView view = incidents.declare(new DeclareIncident("bilingual level", null, List.of(), "P2", null, null,
                null), responder.username());
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(incidents.get(view.number()).levelName()).isEqualTo("中优先级事件");
            assertThat(incidents.open()).filteredOn(s -> s.id() == view.id()).singleElement()
                    .satisfies(s -> assertThat(s.levelName()).isEqualTo("中优先级事件"));
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
            assertThat(incidents.get(view.number()).levelName()).isEqualTo("Medium priority");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    // ---- errors ---------------------------------------------------------------------------

    @Test
    void unknownIncidentsAnswer404() {
        String token = users.tokenFor(Role.VIEWER);
        assertThat(api.get(BASE + "/INC-987654321", token).status()).isEqualTo(404);
        assertThat(api.get(BASE + "/987654321", token).status()).isEqualTo(404);
        assertThat(api.get(BASE + "/nonsense", token).status()).isEqualTo(404);
        assertThat(api.get(BASE + "/INC-987654321/timeline", token).status()).isEqualTo(404);
        String responder = users.tokenFor(Role.RESPONDER);
        assertThat(api.post(BASE + "/INC-987654321/acknowledge", responder, "").status()).isEqualTo(404);
    }

    @Test
    void everyValidationNamesTheField() {
        String token = users.tokenFor(Role.RESPONDER);
        assertField(api.post(BASE, token, Map.of("level", "P1")), "title");
        assertField(api.post(BASE, token, declareBody("x".repeat(201), "P1")), "title");
        Map<String, Object> longDescription = declareBody("ok", "P1");
        longDescription.put("description", "d".repeat(10_001));
        assertField(api.post(BASE, token, longDescription), "description");
        Map<String, Object> badService = declareBody("ok", "P1");
        badService.put("serviceIds", List.of(987654321L));
        assertField(api.post(BASE, token, badService), "serviceIds");
        assertField(api.post(BASE, token, declareBody("ok", "P9")), "level");
        assertField(api.post(BASE, token, Map.of("title", "no level")), "level");
        assertField(api.post(BASE, token, Map.of("title", "bad triage", "triage", Map.of("businessImpact", "HUGE"))),
                "triage.businessImpact");
        assertField(api.post(BASE, token, "{not json"), "body");

        String ref = "/" + declare(token, "validation target", "P2").get("number").asString();
        assertField(api.put(BASE + ref + "/ticket", token, Map.of("url", "ftp://files.example.com/x")), "url");
        assertField(api.put(BASE + ref + "/ticket", token, Map.of("url", "https://e.com/" + "a".repeat(2000))), "url");
        assertField(api.post(BASE + ref + "/notes", token, Map.of("kind", "NOTE", "body", " ")), "body");
        assertField(api.post(BASE + ref + "/notes", token, Map.of("kind", "NOTE", "body", "b".repeat(10_001))), "body");
        assertField(api.post(BASE + ref + "/notes", token, Map.of("kind", "SHOUT", "body", "x")), "kind");
        assertField(api.put(BASE + ref + "/roles/janitor", token, Map.of("userId", 1)), "role");
        assertField(api.put(BASE + ref + "/roles/COMMANDER", token, Map.of("userId", 987654321L)), "userId");
        assertField(api.put(BASE + ref + "/roles/COMMANDER", token, Map.of()), "userId");
        assertField(api.post(BASE + ref + "/actions", token, Map.of("kind", "PRAY", "description", "x")), "kind");
        assertField(api.post(BASE + ref + "/actions", token, Map.of("kind", "RESTART")), "description");
        assertField(api.put(BASE + ref + "/verification/vibes", token, Map.of("passed", true)), "check");
        assertField(api.put(BASE + ref + "/severity", token, Map.of("level", "P7", "reason", "x")), "level");
        assertField(api.put(BASE + ref + "/severity", token, Map.of("level", "P0")), "reason");
        assertField(api.put(BASE + ref + "/cause", token, Map.of("rootCauseCategory", "ALIENS")), "rootCauseCategory");
        assertField(api.patch(BASE + ref, token, Map.of("title", "")), "title");
        assertField(api.get(BASE + "?status=SLEEPING", token), "status");
        assertField(api.get(BASE + "?from=yesterday", token), "from");
        assertField(api.get(BASE + "?size=0", token), "size");

        // Nothing of the refused changes was kept.
        JsonNode after = api.get(BASE + ref, token).body();
        assertThat(after.get("version").asLong()).isZero();
        assertThat(after.get("title").asString()).isEqualTo("validation target");
    }

    @Test
    void illegalTransitionsAnswer409WithTheReason() {
        String token = users.tokenFor(Role.RESPONDER);
        String number = declare(token, "conflicts", "P2").get("number").asString();
        String ref = "/" + number;
        assertThat(api.post(BASE + ref + "/mitigate", token, "").status()).isEqualTo(200);
        Response back = api.post(BASE + ref + "/acknowledge", token, "");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.body().get("detail").asString())
                .isEqualTo(number + " is Mitigated; it cannot go back to Acknowledged (reopen it instead).");
        Response verify = api.post(BASE + ref + "/verify", token, Map.of("checks", List.of("SMOKE_TEST")));
        assertThat(verify.status()).isEqualTo(409);
        assertThat(verify.body().get("detail").asString()).contains("Health check", "User feedback")
                .doesNotContain("Functional test");
        // The ticks sent with a refused verification are not kept either.
        api.get(BASE + ref, token).body().get("verification")
                .forEach(v -> assertThat(v.get("passed").asBoolean()).isFalse());
        Response reopen = api.post(BASE + ref + "/reopen", token, Map.of("reason", "x"));
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.body().get("detail").asString()).contains("only a resolved, verified or closed");
        assertThat(api.post(BASE + ref + "/close", token, Map.of("reason", "noise", "falseAlarm", true)).status())
                .isEqualTo(200);
        Response afterClose = api.post(BASE + ref + "/notes", token, Map.of("body", "closing remark"));
        assertThat(afterClose.status()).isEqualTo(200);
        Response roleOnClosed = api.put(BASE + ref + "/cause", token, Map.of("directCause", "x"));
        assertThat(roleOnClosed.status()).isEqualTo(409);
        assertThat(roleOnClosed.body().get("detail").asString())
                .isEqualTo(number + " is closed; only reopening it and adding notes are allowed.");
    }

    @Test
    void refusalsAreExplainedInTheCallersLanguage() {
        var zh = userManagement.create(new io.firebreak.identity.NewUser("zh-" + System.nanoTime(), "李雷", null, null,
                "zh-CN", "Asia/Shanghai", Role.RESPONDER, TestUsers.PASSWORD), "test");
        String token = api.token(zh.username(), TestUsers.PASSWORD);
        String number = declare(token, "语言", "P2").get("number").asString();
        assertThat(api.post(BASE + "/" + number + "/mitigate", token, "").status()).isEqualTo(200);

        Response back = api.post(BASE + "/" + number + "/acknowledge", token, "");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.body().get("detail").asString()).isEqualTo(number + " 当前为“已缓解”，不能退回到“已确认”（请改为重新打开）。");

        Response verify = api.post(BASE + "/" + number + "/verify", token, Map.of("checks", List.of("SMOKE_TEST")));
        assertThat(verify.body().get("detail").asString()).contains("、").doesNotContain("HEALTH_CHECK");
    }

    // ---- roles ----------------------------------------------------------------------------

    @Test
    void viewersGet403OnEveryChangeAndAnonymousCallersGet401() {
        String responder = users.tokenFor(Role.RESPONDER);
        String viewer = users.tokenFor(Role.VIEWER);
        String ref = "/" + declare(responder, "role matrix", "P3").get("number").asString();
        Map<String, Object> any = Map.of("reason", "x", "userId", 1, "body", "x", "kind", "NOTE", "passed", true);
        List<Response> attempts = List.of(
                api.post(BASE, viewer, declareBody("viewer declares", "P3")),
                api.post(BASE + ref + "/acknowledge", viewer, ""),
                api.post(BASE + ref + "/investigate", viewer, ""),
                api.post(BASE + ref + "/mitigate", viewer, ""),
                api.post(BASE + ref + "/resolve", viewer, ""),
                api.post(BASE + ref + "/verify", viewer, ""),
                api.post(BASE + ref + "/close", viewer, any),
                api.post(BASE + ref + "/reopen", viewer, any),
                api.put(BASE + ref + "/verification/HEALTH_CHECK", viewer, any),
                api.put(BASE + ref + "/severity", viewer, Map.of("level", "P2", "reason", "x")),
                api.put(BASE + ref + "/roles/COMMANDER", viewer, any),
                api.delete(BASE + ref + "/roles/COMMANDER", viewer),
                api.post(BASE + ref + "/notes", viewer, any),
                api.post(BASE + ref + "/actions", viewer, Map.of("kind", "RESTART", "description", "x")),
                api.put(BASE + ref + "/actions/1", viewer, Map.of("outcome", "FAILED")),
                api.put(BASE + ref + "/cause", viewer, Map.of("directCause", "x")),
                api.put(BASE + ref + "/ticket", viewer, Map.of("url", "https://x.example")),
                api.patch(BASE + ref, viewer, Map.of("title", "viewer edit")));
        assertThat(attempts).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(403));
        assertThat(api.get(BASE + ref, viewer).status()).isEqualTo(200);
        assertThat(api.get(BASE + ref + "/timeline", viewer).status()).isEqualTo(200);
        assertThat(api.get(BASE, viewer).status()).isEqualTo(200);
        assertThat(api.get(BASE + ref, null).status()).isEqualTo(401);
        assertThat(api.get(BASE + ref + "/timeline", null).status()).isEqualTo(401);
        assertThat(api.post(BASE + ref + "/acknowledge", null, "").status()).isEqualTo(401);
        assertThat(api.get(BASE + ref, responder).body().get("version").asLong()).isZero();
    }

    @Test
    void closingAnUnverifiedIncidentIsForCommanders() {
        String responder = users.tokenFor(Role.RESPONDER);
        String commander = users.tokenFor(Role.COMMANDER);
        String ref = "/" + declare(responder, "close rules", "P2").get("number").asString();
        api.post(BASE + ref + "/resolve", responder, "");
        Response denied = api.post(BASE + ref + "/close", responder, Map.of("reason", "fixed"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get("detail").asString()).contains("Only a commander may close");
        assertField(api.post(BASE + ref + "/close", commander, Map.of()), "reason");
        Response ok = api.post(BASE + ref + "/close", commander, Map.of("reason", "fixed, verification skipped"));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().get("closeReason").asString()).isEqualTo("fixed, verification skipped");
    }

    @Test
    void theIncidentsOwnCommanderMayCloseUnverified() {
        String responder = users.tokenFor(Role.RESPONDER);
        UserView ic = users.create(Role.RESPONDER);
        String icToken = api.token(ic.username(), TestUsers.PASSWORD);
        String ref = "/" + declare(responder, "own commander", "P2").get("number").asString();
        assertThat(api.put(BASE + ref + "/roles/COMMANDER", responder, Map.of("userId", ic.id())).status()).isEqualTo(200);
        assertThat(api.post(BASE + ref + "/close", responder, Map.of("reason", "dup")).status()).isEqualTo(403);
        assertThat(api.post(BASE + ref + "/close", icToken, Map.of("reason", "duplicate of another")).status())
                .isEqualTo(200);
    }

    // ---- search ---------------------------------------------------------------------------

    @Test
    void searchFiltersAndPages() {
        String token = users.tokenFor(Role.RESPONDER);
        String word = unique("zebra");
        long svc = service(unique("search-svc"));
        Map<String, Object> withService = declareBody(word + " one", "P1");
        withService.put("serviceIds", List.of(svc));
        JsonNode first = api.post(BASE, token, withService).body();
        clock.advance(java.time.Duration.ofSeconds(1));
        Instant middle = clock.instant();
        clock.advance(java.time.Duration.ofSeconds(1));
        JsonNode second = declare(token, word + " two", "P2");
        JsonNode third = declare(token, word + " three", "P2");
        api.post(BASE + "/" + third.get("number").asString() + "/close", token, Map.of("reason", "noise", "falseAlarm", true));

        JsonNode all = api.get(BASE + "?q=" + word + "&size=2", token).body();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items").size()).isEqualTo(2);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(2);
        JsonNode page1 = api.get(BASE + "?q=" + word + "&size=2&page=1", token).body();
        assertThat(page1.get("items").size()).isEqualTo(1);
        assertThat(page1.get("items").get(0).get("number").asString()).isEqualTo(first.get("number").asString());

        assertThat(api.get(BASE + "?q=" + word + "&level=P2", token).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.get(BASE + "?q=" + word + "&level=P1&level=P2", token).body().get("total").asLong()).isEqualTo(3);
        assertThat(api.get(BASE + "?q=" + word + "&status=CLOSED", token).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get(BASE + "?q=" + word + "&status=CLOSED&status=DETECTED", token).body().get("total").asLong())
                .isEqualTo(3);
        assertThat(api.get(BASE + "?q=" + word + "&open=true", token).body().get("total").asLong()).isEqualTo(2);
        JsonNode byService = api.get(BASE + "?service=" + svc, token).body();
        assertThat(byService.get("total").asLong()).isEqualTo(1);
        assertThat(byService.get("items").get(0).get("services").get(0).get("id").asLong()).isEqualTo(svc);
        assertThat(api.get(BASE + "?q=" + word + "&from=" + middle, token).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.get(BASE + "?q=" + word + "&to=" + middle, token).body().get("total").asLong()).isEqualTo(1);
        JsonNode byNumber = api.get(BASE + "?q=" + second.get("number").asString(), token).body();
        assertThat(byNumber.get("items").get(0).get("id").asLong()).isEqualTo(second.get("id").asLong());
        assertThat(api.get(BASE + "?q=%25" + word.substring(0, 3), token).body().get("total").asLong()).isZero();

        List<IncidentSummary> open = incidents.open();
        assertThat(open).extracting(IncidentSummary::id).contains(first.get("id").asLong(), second.get("id").asLong())
                .doesNotContain(third.get("id").asLong());
        for (int i = 1; i < open.size(); i++) {
            assertThat(open.get(i).levelRank()).isGreaterThanOrEqualTo(open.get(i - 1).levelRank());
        }
    }

    // ---- concurrency ----------------------------------------------------------------------

    @Test
    void concurrentDeclarationsGetDistinctNumbers() throws Exception {
        UserView responder = users.create(Role.RESPONDER);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                jobs.add(() -> incidents.declare(new DeclareIncident("parallel " + n, null, List.of(), "P3", null, null,
                        null), responder.username()).number());
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(jobs)) {
                numbers.add(f.get());
            }
            assertThat(numbers).hasSize(16);
        } finally {
            pool.shutdown();
        }
    }
}
