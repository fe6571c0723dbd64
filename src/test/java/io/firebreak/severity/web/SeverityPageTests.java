package io.firebreak.severity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.severity.SeverityLevelDefinition;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.severity.TargetUnit;
import io.firebreak.severity.WorkingCalendar;
import io.firebreak.severity.WorkingCalendarChange;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** The {@code /severity} page and the triage fragment, through a real signed-in session. */
@FirebreakTest
class SeverityPageTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired SeverityManagement severity;

    private UiSession as(Role role) {
        return UiSession.login(api, users.create(role).username(), TestUsers.PASSWORD);
    }

    @Test
    void everyoneReadsTheActiveSchemeTargetsInWordsAndTheCalendar() {
        UiSession viewer = as(Role.VIEWER);
        var page = viewer.get("/severity");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("P0–P3 (by impact)", "Emergency", "Core service completely unavailable",
                "System completely down", "5 minutes", "1 hour", "15 minutes", "4 hours", "1 working day", "1 week",
                "Everyone involved + management", "badge level level-0", "P1–P4 (by share of users affected)",
                "Monday", "09:00");
        // A viewer gets no edit forms and no switch buttons.
        assertThat(html).doesNotContain("name=\"nameEn\"", "/severity/active\"", "name=\"timeZone\"");
    }

    @Test
    void thePageIsInChineseForAChineseSession() {
        UiSession viewer = as(Role.VIEWER);
        var page = viewer.get("/severity?lang=zh-CN");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("紧急事件", "核心服务完全不可用，影响所有用户", "5 分钟", "1 个工作日", "所有相关人员 + 管理层",
                "工作日历", "星期一");
    }

    @Test
    void aViewerCannotChangeAnything() {
        UiSession viewer = as(Role.VIEWER);
        viewer.get("/severity");
        assertThat(viewer.post("/severity/active", Map.of("code", "P1-P4")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/severity/schemes/L1-L4/levels/L4", Map.of("nameEn", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/severity/calendar", Map.of("timeZone", "UTC")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/severity/calendar/holidays", Map.of("date", "2042-01-01", "name", "x")).statusCode())
                .isEqualTo(403);
        assertThat(viewer.post("/severity/calendar/holidays/2042-01-01/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(severity.activeScheme().code()).isEqualTo("P0-P3");
    }

    @Test
    void anAdminSwitchesSchemesEditsALevelAndTheCalendarFromThePage() {
        UiSession admin = as(Role.ADMIN);
        SeverityLevelDefinition original = severity.levelDefinition("P1-P4", "P4");
        try {
            String html = admin.get("/severity").body();
            assertThat(html).contains("name=\"nameEn\"", "name=\"timeZone\"");
            var switched = admin.post("/severity/active", Map.of("code", "P1-P4"));
            assertThat(switched.statusCode()).isEqualTo(302);
            assertThat(severity.activeScheme().code()).isEqualTo("P1-P4");
            html = admin.get("/severity").body();
            assertThat(html).contains("The active scheme is now P1–P4", "30 minutes", "Urgent");

            Map<String, String> form = new HashMap<>();
            form.put("nameEn", "Cosmetic");
            form.put("nameZh", "轻微");
            form.put("definitionEn", "Wording");
            form.put("examplesEn", "Typo\nWrong colour\n");
            form.put("responseAmount", "2");
            form.put("responseUnit", "WORKING_DAYS");
            form.put("resolutionAmount", "");
            form.put("resolutionUnit", "");
            form.put("postmortemRequired", "true");
            assertThat(admin.post("/severity/schemes/P1-P4/levels/P4", form).statusCode()).isEqualTo(302);
            SeverityLevelDefinition edited = severity.levelDefinition("P1-P4", "P4");
            assertThat(edited.nameEn()).isEqualTo("Cosmetic");
            assertThat(edited.examplesEn()).containsExactly("Typo", "Wrong colour");
            assertThat(edited.responseTarget().unit()).isEqualTo(TargetUnit.WORKING_DAYS);
            assertThat(edited.resolutionTarget()).isNull();
            assertThat(edited.postmortemRequired()).isTrue();
            assertThat(admin.get("/severity").body()).contains("Level P4 saved.", "Cosmetic", "2 working days");

            form.put("responseAmount", "zero");
            admin.post("/severity/schemes/P1-P4/levels/P4", form);
            assertThat(admin.get("/severity").body()).contains("Not saved: responseAmount");

            admin.get("/severity");
            var cal = admin.postRaw("/severity/calendar", UiSession.encode(Map.of("timeZone", "Europe/Berlin",
                    "dayStart", "08:00", "dayEnd", "16:00", "_csrf", admin.csrf()))
                    + "&workingDays=MONDAY&workingDays=TUESDAY");
            assertThat(cal.statusCode()).isEqualTo(302);
            WorkingCalendar c = severity.calendar();
            assertThat(c.timeZone().getId()).isEqualTo("Europe/Berlin");
            assertThat(c.workingDays()).hasSize(2);
            admin.get("/severity");
            admin.post("/severity/calendar/holidays", Map.of("date", "2042-05-01", "name", "Labour Day"));
            assertThat(severity.calendar().holidays()).anyMatch(h -> h.name().equals("Labour Day"));
            assertThat(admin.get("/severity").body()).contains("Labour Day", "Europe/Berlin");
            admin.post("/severity/calendar/holidays/2042-05-01/delete", Map.of());
            assertThat(severity.calendar().holidays()).noneMatch(h -> h.name().equals("Labour Day"));
        } finally {
            severity.activate("test", "P0-P3");
            severity.updateLevel("test", "P1-P4", "P4", io.firebreak.severity.SeverityApiTestsAccess.change(original));
            severity.updateCalendar("test", new WorkingCalendarChange("UTC", List.of("MON", "TUE", "WED", "THU", "FRI"),
                    "09:00", "18:00"));
            if (severity.calendar().holidays().stream().anyMatch(h -> h.date().equals(LocalDate.parse("2042-05-01")))) {
                severity.removeHoliday("test", LocalDate.parse("2042-05-01"));
            }
        }
        assertThat(severity.activeScheme().code()).isEqualTo("P0-P3");
        assertThat(severity.calendar()).isEqualTo(WorkingCalendar.standard());
    }

    @Test
    void theTriageFragmentRecommendsALevelForTheDeclareForm() {
        UiSession responder = as(Role.RESPONDER);
        responder.get("/severity");
        var res = responder.post("/triage/recommendation", Map.of("serviceDown", "false",
                "coreFunctionAffected", "true", "userExperienceDegraded", "", "usersAffected", "120",
                "usersAffectedPercent", "", "businessImpact", "", "dataLoss", "", "securityRisk", "false",
                "moneyLost", "true"));
        assertThat(res.statusCode()).isEqualTo(200);
        String html = res.body();
        assertThat(html).doesNotContain("<html");
        assertThat(html).contains("class=\"badge level level-1\"", "High priority",
                "<output id=\"triage-recommended-level\" value=\"P1\"", "A core function is affected: P1.",
                "Money is being lost, escalate at once: P1.", "Some users are affected: P2.");
    }

    @Test
    void theTriageFragmentShowsBadInputInsteadOfFailing() {
        UiSession responder = as(Role.RESPONDER);
        responder.get("/severity");
        var notANumber = responder.post("/triage/recommendation", Map.of("usersAffected", "lots"));
        assertThat(notANumber.statusCode()).isEqualTo(200);
        assertThat(notANumber.body()).contains("notice error", "the number of users affected", "must be a whole number",
                "<output id=\"triage-recommended-level\" value=\"\"");
        var tooMany = responder.post("/triage/recommendation", Map.of("usersAffectedPercent", "140"));
        assertThat(tooMany.body()).contains("the share of users affected", "must be between 0 and 100");
        var impact = responder.post("/triage/recommendation", Map.of("businessImpact", "HUGE"));
        assertThat(impact.body()).contains("the business impact");
    }

    @Test
    void theTriageFragmentNeedsTheCsrfToken() {
        UiSession responder = as(Role.RESPONDER);
        assertThat(responder.postRaw("/triage/recommendation", "serviceDown=true").statusCode()).isEqualTo(403);
    }
}
