package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/** The rules pages (en and zh-CN), the editor's validation, the incident panel and the dashboard markers. */
@FirebreakTest
class ClockRulePagesTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired ClockRuleManagement rules;
    @Autowired IncidentManagement incidents;
    @Autowired MutableClock clock;

    private WebSession as(Role role) {
        UserView user = users.create(role);
        return new WebSession(api.baseUrl()).login(user.username(), TestUsers.PASSWORD);
    }

    @Test
    void everyoneReadsTheRulesOnlyAdminsEditThem() {
        WebSession viewer = as(Role.VIEWER);
        var list = viewer.get("/clock-rules");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Unacknowledged P0 after 5 minutes: page management")
                .contains("href=\"/clock-rules\"").doesNotContain("id=\"clock-rule-new\"").doesNotContain("??");
        assertThat(viewer.get("/clock-rules/new").status()).isEqualTo(403);
        assertThat(viewer.post("/clock-rules", Map.of("nameEn", "x")).status()).isEqualTo(403);

        WebSession admin = as(Role.ADMIN);
        assertThat(admin.get("/clock-rules").body()).contains("id=\"clock-rule-new\"");
        assertThat(admin.get("/clock-rules/new").body()).contains("id=\"clock-rule-form\"").doesNotContain("??");
        admin.get("/clock-rules?lang=zh-CN");
        var zh = admin.get("/clock-rules");
        assertThat(zh.body()).contains("时钟规则").contains("P0 事件 5 分钟未确认：通知管理层").doesNotContain("??");
        assertThat(admin.get("/clock-rules/new").body()).contains("新建时钟规则").doesNotContain("??");
        admin.get("/clock-rules?lang=en");
    }

    @Test
    void theEditorSavesAndNamesTheBadField() {
        WebSession admin = as(Role.ADMIN);
        String name = "Editor rule " + System.nanoTime();
        var bad = admin.post("/clock-rules", Map.of("nameEn", name, "anchor", "DETECTION", "after", "abc",
                "actions", "NOTIFY_COMMANDER"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Give minutes from 0 to 525600");
        var noAction = admin.post("/clock-rules", Map.of("nameEn", name, "anchor", "DETECTION", "after", "10"));
        assertThat(noAction.body()).contains("Choose at least one action");

        var ok = admin.post("/clock-rules", Map.of("nameEn", name, "nameZh", "编辑器规则", "anchor", "LAST_STAGE",
                "after", "45", "stages", List.of("INVESTIGATING", "MITIGATED"), "levels", "P2",
                "actions", List.of("NOTIFY_COMMANDER", "PAGE_AUDIENCE"), "audienceManagement", "on"));
        assertThat(ok.status()).isEqualTo(302);
        ClockRuleView rule = rules.list().stream().filter(r -> r.nameEn().equals(name)).findFirst().orElseThrow();
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.anchor()).isEqualTo(ClockRuleAnchor.LAST_STAGE);
        assertThat(rule.actions()).containsExactly(ClockRuleAction.NOTIFY_COMMANDER, ClockRuleAction.PAGE_AUDIENCE);
        assertThat(admin.get("/clock-rules/" + rule.id() + "/edit").body()).contains(name).contains("编辑器规则");

        var updated = admin.post("/clock-rules/" + rule.id(), Map.of("nameEn", name, "anchor", "LAST_STAGE",
                "after", "50", "actions", "NOTIFY_COMMANDER"));
        assertThat(updated.status()).isEqualTo(302);
        assertThat(rules.get(rule.id()).after()).isEqualTo(50);
        assertThat(admin.post("/clock-rules/" + rule.id() + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/clock-rules/" + rule.id() + "/edit").status()).isEqualTo(404);
    }

    @Test
    void theIncidentPanelAndTheDashboardShowAtRiskAndBreached() {
        IncidentView p0 = incidents.declare(new DeclareIncident("P0 racing its clock " + System.nanoTime(), null,
                List.of(), "P0", null, null, null), "test");
        WebSession viewer = as(Role.VIEWER);
        var panel = viewer.get("/incidents/" + p0.number() + "/clock-rules");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("data-risk=\"OK\"").contains("On track");
        assertThat(viewer.get("/incidents/" + p0.number()).body()).contains("/incidents/" + p0.number() + "/clock-rules");

        // 80% of the P0's 5-minute response target is 4 minutes.
        clock.advance(Duration.ofMinutes(4));
        assertThat(rules.risk(incidents.get(p0.number())).state()).isEqualTo(ClockRiskState.AT_RISK);
        assertThat(viewer.get("/incidents/" + p0.number() + "/clock-rules").body()).contains("data-risk=\"AT_RISK\"")
                .contains("Response target due");
        assertThat(dashboardCard(viewer, p0)).contains("data-risk=\"AT_RISK\"");

        clock.advance(Duration.ofMinutes(2));
        assertThat(dashboardCard(viewer, p0)).contains("data-risk=\"BREACHED\"").contains("Breached");
        assertThat(viewer.get("/incidents/INC-987654321/clock-rules").status()).isEqualTo(404);
    }

    private static String dashboardCard(WebSession session, IncidentView incident) {
        String body = session.get("/dashboard/panel").body();
        int start = body.indexOf("id=\"dashboard-" + incident.number() + "\"");
        assertThat(start).isPositive();
        int end = body.indexOf("</li>", start);
        return body.substring(start, end);
    }
}
