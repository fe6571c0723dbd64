package io.firebreak.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.AuditEntry;
import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.shared.PageRequest;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/**
 * {@code /api/v1/severity}: reading as a viewer, admin-only changes with the role matrix,
 * validation naming the field, audit entries. Tests that change the active scheme or the calendar
 * restore the defaults in a finally block (the database is shared).
 */
@FirebreakTest
class SeverityApiTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired UserManagement userManagement;
    @Autowired AuditManagement audit;
    @Autowired SeverityManagement severity;

    @Test
    void aViewerReadsTheThreePresetsWithP0toP3Active() {
        String viewer = users.tokenFor(Role.VIEWER);
        var schemes = api.get("/api/v1/severity/schemes", viewer);
        assertThat(schemes.status()).isEqualTo(200);
        List<String> codes = schemes.body().valueStream().map(s -> s.get("code").asString()).toList();
        assertThat(codes).contains("P0-P3", "P1-P4", "L1-L4");
        assertThat(schemes.body().valueStream().filter(s -> s.get("active").asBoolean()).count()).isEqualTo(1);

        var active = api.get("/api/v1/severity/active", viewer);
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.body().get("code").asString()).isEqualTo("P0-P3");
        var levels = active.body().get("levels");
        assertThat(levels.size()).isEqualTo(4);
        var p0 = levels.get(0);
        assertThat(p0.get("code").asString()).isEqualTo("P0");
        assertThat(p0.get("rank").asInt()).isZero();
        assertThat(p0.get("name").asString()).isEqualTo("Emergency");
        assertThat(p0.get("responseTarget").get("amount").asInt()).isEqualTo(5);
        assertThat(p0.get("responseTarget").get("unit").asString()).isEqualTo("MINUTES");
        assertThat(p0.get("resolutionTarget").get("unit").asString()).isEqualTo("HOURS");
        assertThat(p0.get("postmortemRequired").asBoolean()).isTrue();
        assertThat(p0.get("examples").size()).isEqualTo(4);
        assertThat(levels.get(2).get("resolutionTarget").get("unit").asString()).isEqualTo("WORKING_DAYS");
        assertThat(levels.get(2).get("postmortemRequired").asBoolean()).isFalse();

        var l = api.get("/api/v1/severity/schemes/L1-L4", viewer);
        assertThat(l.status()).isEqualTo(200);
        assertThat(l.body().get("active").asBoolean()).isFalse();
        assertThat(l.body().get("levels").get(0).get("resolutionTarget").get("amount").asInt()).isEqualTo(1);
        assertThat(l.body().get("levels").get(1).get("resolutionTarget").get("amount").asInt()).isEqualTo(24);
        assertThat(l.body().get("levels").get(2).has("resolutionTarget")).isFalse();

        var p4 = api.get("/api/v1/severity/schemes/P1-P4/levels/P4", viewer);
        assertThat(p4.status()).isEqualTo(200);
        assertThat(p4.body().get("nameZh").asString()).isEqualTo("轻微");
        assertThat(p4.body().get("responseTarget").get("amount").asInt()).isEqualTo(24);

        assertThat(api.get("/api/v1/severity/schemes/NOPE", viewer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/severity/schemes/P0-P3/levels/P9", viewer).status()).isEqualTo(404);
    }

    @Test
    void textsFollowTheCallersLanguage() {
        var user = userManagement.create(new NewUser("sev-zh-" + System.nanoTime(), "Zh", null, null, null, "UTC",
                Role.VIEWER, TestUsers.PASSWORD), "test");
        String token = api.token(user.username(), TestUsers.PASSWORD);
        var zh = api.send(HttpRequest.newBuilder(api.uri("/api/v1/severity/active"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").GET());
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body().get("levels").get(0).get("name").asString()).isEqualTo("紧急事件");
        assertThat(zh.body().get("levels").get(0).get("audience").asString()).isEqualTo("所有相关人员 + 管理层");
        assertThat(zh.body().get("levels").get(0).get("examples").get(0).asString()).isEqualTo("系统完全宕机");
        var en = api.send(HttpRequest.newBuilder(api.uri("/api/v1/severity/active"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET());
        assertThat(en.body().get("levels").get(0).get("name").asString()).isEqualTo("Emergency");
    }

    @Test
    void withoutATokenEverythingIs401() {
        assertThat(api.get("/api/v1/severity/schemes", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/severity/calendar", null).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/severity/active", null, Map.of("code", "P1-P4")).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/severity/schemes/L1-L4/levels/L4", null, Map.of("nameEn", "x")).status())
                .isEqualTo(401);
        assertThat(api.put("/api/v1/severity/calendar", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/severity/calendar/holidays", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/severity/calendar/holidays/2040-01-01", null).status()).isEqualTo(401);
    }

    @Test
    void everyChangeIsForbiddenBelowAdmin() {
        for (Role role : List.of(Role.VIEWER, Role.RESPONDER, Role.COMMANDER)) {
            String token = users.tokenFor(role);
            assertThat(api.put("/api/v1/severity/active", token, Map.of("code", "P1-P4")).status())
                    .as(role + " switch").isEqualTo(403);
            assertThat(api.put("/api/v1/severity/schemes/L1-L4/levels/L4", token, levelBody("Suggestion", "提示"))
                    .status()).as(role + " edit level").isEqualTo(403);
            assertThat(api.put("/api/v1/severity/calendar", token, calendarBody("UTC", List.of("MON"), "09:00", "17:00"))
                    .status()).as(role + " calendar").isEqualTo(403);
            assertThat(api.post("/api/v1/severity/calendar/holidays", token,
                    Map.of("date", "2040-01-01", "name", "x")).status()).as(role + " add holiday").isEqualTo(403);
            assertThat(api.delete("/api/v1/severity/calendar/holidays/2040-01-01", token).status())
                    .as(role + " remove holiday").isEqualTo(403);
        }
        assertThat(severity.activeScheme().code()).isEqualTo("P0-P3");
        assertThat(severity.calendar().holidays()).noneMatch(h -> h.date().toString().equals("2040-01-01"));
    }

    @Test
    void anAdminSwitchesTheActiveSchemeAndBackAndBothSwitchesAreAudited() {
        String admin = users.tokenFor(Role.ADMIN);
        try {
            var switched = api.put("/api/v1/severity/active", admin, Map.of("code", "P1-P4"));
            assertThat(switched.status()).isEqualTo(200);
            assertThat(switched.body().get("code").asString()).isEqualTo("P1-P4");
            assertThat(switched.body().get("active").asBoolean()).isTrue();

            var active = api.get("/api/v1/severity/active", admin);
            assertThat(active.body().get("code").asString()).isEqualTo("P1-P4");
            assertThat(active.body().get("levels").get(0).get("code").asString()).isEqualTo("P1");
            assertThat(active.body().get("levels").get(0).get("resolutionTarget").get("amount").asInt()).isEqualTo(30);
            var all = api.get("/api/v1/severity/schemes", admin).body();
            assertThat(all.valueStream().filter(s -> s.get("active").asBoolean()).map(s -> s.get("code").asString())
                    .toList()).containsExactly("P1-P4");
            assertThat(severity.findLevel("P4")).isPresent();
            assertThat(severity.findLevel("P0")).isEmpty();
            assertThat(severity.findLevel("P0-P3", "P0")).isPresent();

            var back = api.put("/api/v1/severity/active", admin, Map.of("code", "P0-P3"));
            assertThat(back.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/severity/active", admin).body().get("code").asString()).isEqualTo("P0-P3");

            List<AuditEntry> entries = audit.list("severity_scheme", new PageRequest(0, 50)).items();
            assertThat(entries).anyMatch(e -> e.entityId().equals("P1-P4") && e.action().equals("activate")
                    && e.afterJson().contains("P1-P4") && e.beforeJson().contains("P0-P3"));
            assertThat(entries).anyMatch(e -> e.entityId().equals("P0-P3") && e.action().equals("activate")
                    && e.beforeJson().contains("P1-P4"));
        } finally {
            severity.activate("test", "P0-P3");
        }
    }

    @Test
    void switchingToAnUnknownSchemeNamesTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        var res = api.put("/api/v1/severity/active", admin, Map.of("code", "X1-X9"));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.body().get("field").asString()).isEqualTo("code");
        var blank = api.put("/api/v1/severity/active", admin, Map.of("code", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("field").asString()).isEqualTo("code");
        assertThat(severity.activeScheme().code()).isEqualTo("P0-P3");
    }

    @Test
    void anAdminEditsALevelInBothLanguagesAndItIsAudited() {
        String admin = users.tokenFor(Role.ADMIN);
        SeverityLevelDefinition original = severity.levelDefinition("L1-L4", "L4");
        try {
            Map<String, Object> body = levelBody("Hint", "提示类");
            body.put("definitionEn", "Small error");
            body.put("definitionZh", "较小错误");
            body.put("examplesEn", List.of("Typo", " ", "Layout"));
            body.put("examplesZh", List.of("错别字"));
            body.put("responseAmount", 3);
            body.put("responseUnit", "WORKING_HOURS");
            body.put("resolutionAmount", 2);
            body.put("resolutionUnit", "weeks");
            body.put("audienceEn", "Developers");
            body.put("audienceZh", "开发人员");
            body.put("postmortemRequired", true);
            var res = api.put("/api/v1/severity/schemes/L1-L4/levels/L4", admin, body);
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.body().get("nameEn").asString()).isEqualTo("Hint");
            assertThat(res.body().get("examplesEn").size()).isEqualTo(2);
            assertThat(res.body().get("resolutionTarget").get("unit").asString()).isEqualTo("WEEKS");

            var read = api.get("/api/v1/severity/schemes/L1-L4", admin).body().get("levels").get(3);
            assertThat(read.get("name").asString()).isEqualTo("Hint");
            assertThat(read.get("definition").asString()).isEqualTo("Small error");
            assertThat(read.get("responseTarget").get("unit").asString()).isEqualTo("WORKING_HOURS");
            assertThat(read.get("postmortemRequired").asBoolean()).isTrue();
            assertThat(read.get("rank").asInt()).isEqualTo(3);

            // Removing the targets is allowed: both amount and unit left out.
            body.remove("responseAmount");
            body.remove("responseUnit");
            body.put("nameEn", "");
            var noTarget = api.put("/api/v1/severity/schemes/L1-L4/levels/L4", admin, body);
            assertThat(noTarget.status()).isEqualTo(200);
            assertThat(noTarget.body().has("responseTarget")).isFalse();
            // A blank English name falls back to the Chinese one.
            assertThat(api.get("/api/v1/severity/schemes/L1-L4", admin).body().get("levels").get(3).get("name")
                    .asString()).isEqualTo("提示类");

            assertThat(audit.list("severity_level", new PageRequest(0, 50)).items())
                    .anyMatch(e -> e.entityId().equals("L1-L4/L4") && e.action().equals("update")
                            && e.beforeJson().contains("Suggestion") && e.afterJson().contains("Hint"));
        } finally {
            severity.updateLevel("test", "L1-L4", "L4", change(original));
        }
        assertThat(severity.levelDefinition("L1-L4", "L4")).isEqualTo(original);
    }

    @Test
    void levelValidationNamesTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        SeverityLevelDefinition original = severity.levelDefinition("L1-L4", "L3");
        String path = "/api/v1/severity/schemes/L1-L4/levels/L3";
        try {
            assertField(api.put(path, admin, with(levelBody(" ", ""), Map.of())), "nameEn");
            assertField(api.put(path, admin, with(levelBody("A", "甲"), Map.of("responseAmount", 0, "responseUnit", "HOURS"))),
                    "responseAmount");
            assertField(api.put(path, admin, with(levelBody("A", "甲"), Map.of("resolutionAmount", -2, "resolutionUnit", "HOURS"))),
                    "resolutionAmount");
            assertField(api.put(path, admin, with(levelBody("A", "甲"), Map.of("responseAmount", 2, "responseUnit", "FORTNIGHTS"))),
                    "responseUnit");
            assertField(api.put(path, admin, with(levelBody("A", "甲"), Map.of("resolutionAmount", 2))), "resolutionUnit");
            assertField(api.put(path, admin, with(levelBody("A", "甲"), Map.of("responseUnit", "HOURS"))), "responseAmount");
            assertField(api.put(path, admin, with(levelBody("A".repeat(101), "甲"), Map.of())), "nameEn");
            assertField(api.put(path, admin, "{\"nameEn\":\"A\",\"responseAmount\":\"lots\"}"), "responseAmount");
            assertThat(api.put("/api/v1/severity/schemes/L1-L4/levels/L9", admin, levelBody("A", "甲")).status())
                    .isEqualTo(404);
            assertThat(severity.levelDefinition("L1-L4", "L3")).isEqualTo(original);
        } finally {
            severity.updateLevel("test", "L1-L4", "L3", change(original));
        }
    }

    @Test
    void anAdminChangesTheCalendarAndHolidaysAndDueTimesFollow() {
        String admin = users.tokenFor(Role.ADMIN);
        var initial = api.get("/api/v1/severity/calendar", users.tokenFor(Role.VIEWER));
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body().get("timeZone").asString()).isEqualTo("UTC");
        assertThat(initial.body().get("dayStart").asString()).isEqualTo("09:00");
        assertThat(initial.body().get("workingDays").valueStream().map(d -> d.asString()).toList())
                .containsExactly("MON", "TUE", "WED", "THU", "FRI");
        try {
            var res = api.put("/api/v1/severity/calendar", admin,
                    calendarBody("Asia/Shanghai", List.of("MON", "TUE", "WEDNESDAY", "thu", "FRI"), "09:30", "18:30"));
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.body().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
            assertThat(res.body().get("dayStart").asString()).isEqualTo("09:30");
            assertThat(res.body().get("workingDayMinutes").asInt()).isEqualTo(540);

            var holiday = api.post("/api/v1/severity/calendar/holidays", admin,
                    Map.of("date", "2041-01-01", "name", "New Year"));
            assertThat(holiday.status()).isEqualTo(201);
            assertThat(api.get("/api/v1/severity/calendar", admin).body().get("holidays").valueStream()
                    .anyMatch(h -> h.get("date").asString().equals("2041-01-01")
                            && h.get("name").asString().equals("New Year"))).isTrue();

            // 2040-12-31 is a Monday; 17:30 Shanghai leaves 1 working hour that day; the 1st is a holiday.
            Instant start = Instant.parse("2040-12-31T09:30:00Z");
            assertThat(severity.dueAt(start, new Target(2, TargetUnit.WORKING_HOURS)))
                    .isEqualTo(Instant.parse("2041-01-02T02:30:00Z"));
            assertThat(severity.dueAt(start, new Target(15, TargetUnit.MINUTES)))
                    .isEqualTo(Instant.parse("2040-12-31T09:45:00Z"));

            assertThat(api.delete("/api/v1/severity/calendar/holidays/2041-01-01", admin).status()).isEqualTo(200);
            assertThat(api.delete("/api/v1/severity/calendar/holidays/2041-01-01", admin).status()).isEqualTo(404);
            assertThat(severity.dueAt(start, new Target(2, TargetUnit.WORKING_HOURS)))
                    .isEqualTo(Instant.parse("2041-01-01T02:30:00Z"));

            List<AuditEntry> cal = audit.list("severity_calendar", new PageRequest(0, 50)).items();
            assertThat(cal).anyMatch(e -> e.action().equals("update") && e.afterJson().contains("Asia/Shanghai"));
            List<AuditEntry> hol = audit.list("severity_holiday", new PageRequest(0, 50)).items();
            assertThat(hol).anyMatch(e -> e.entityId().equals("2041-01-01") && e.action().equals("create"));
            assertThat(hol).anyMatch(e -> e.entityId().equals("2041-01-01") && e.action().equals("delete"));
        } finally {
            severity.updateCalendar("test", new WorkingCalendarChange("UTC", List.of("MON", "TUE", "WED", "THU", "FRI"),
                    "09:00", "18:00"));
            if (severity.calendar().holidays().stream().anyMatch(h -> h.date().toString().equals("2041-01-01"))) {
                severity.removeHoliday("test", java.time.LocalDate.parse("2041-01-01"));
            }
        }
        assertThat(severity.calendar()).isEqualTo(WorkingCalendar.standard());
    }

    @Test
    void calendarValidationNamesTheField() {
        String admin = users.tokenFor(Role.ADMIN);
        List<String> week = List.of("MON", "TUE");
        assertField(api.put("/api/v1/severity/calendar", admin, calendarBody("Mars/Olympus", week, "09:00", "18:00")),
                "timeZone");
        assertField(api.put("/api/v1/severity/calendar", admin, calendarBody("UTC", List.of(), "09:00", "18:00")),
                "workingDays");
        assertField(api.put("/api/v1/severity/calendar", admin, calendarBody("UTC", List.of("FUNDAY"), "09:00", "18:00")),
                "workingDays");
        assertField(api.put("/api/v1/severity/calendar", admin, calendarBody("UTC", week, "9am", "18:00")), "dayStart");
        assertField(api.put("/api/v1/severity/calendar", admin, calendarBody("UTC", week, "18:00", "09:00")), "dayEnd");
        assertField(api.post("/api/v1/severity/calendar/holidays", admin, Map.of("date", "2041-13-01", "name", "x")),
                "date");
        assertField(api.post("/api/v1/severity/calendar/holidays", admin, Map.of("date", "2041-02-01", "name", " ")),
                "name");
        assertField(api.delete("/api/v1/severity/calendar/holidays/not-a-date", admin), "date");
        assertThat(severity.calendar()).isEqualTo(WorkingCalendar.standard());
    }

    private static void assertField(ApiClient.Response res, String field) {
        assertThat(res.status()).as(res.raw()).isEqualTo(400);
        assertThat(res.contentType()).contains("application/problem+json");
        assertThat(res.body().get("field").asString()).isEqualTo(field);
    }

    private static Map<String, Object> levelBody(String nameEn, String nameZh) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameEn", nameEn);
        body.put("nameZh", nameZh);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, Map<String, Object> more) {
        body.putAll(more);
        return body;
    }

    private static Map<String, Object> calendarBody(String zone, List<String> days, String start, String end) {
        return Map.of("timeZone", zone, "workingDays", days, "dayStart", start, "dayEnd", end);
    }

    static SeverityLevelChange change(SeverityLevelDefinition d) {
        return new SeverityLevelChange(d.nameEn(), d.nameZh(), d.definitionEn(), d.definitionZh(), d.examplesEn(),
                d.examplesZh(), d.responseTarget() == null ? null : d.responseTarget().amount(),
                d.responseTarget() == null ? null : d.responseTarget().unit().name(),
                d.resolutionTarget() == null ? null : d.resolutionTarget().amount(),
                d.resolutionTarget() == null ? null : d.resolutionTarget().unit().name(), d.audienceEn(),
                d.audienceZh(), d.postmortemRequired());
    }
}
