package io.firebreak.escalation;

import static io.firebreak.escalation.EscalationFixture.step;
import static io.firebreak.escalation.EscalationFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.identity.WebSession;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

@FirebreakTest
@Import(EscalationFixture.class)
class EscalationPagesTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired EscalationFixture fx;
    @Autowired EscalationManagement escalation;

    private WebSession as(Role role) {
        UserView user = users.create(role);
        return new WebSession(api.baseUrl()).login(user.username(), TestUsers.PASSWORD);
    }

    @Test
    void everyoneReadsPoliciesOnlyAdminsEditThem() {
        UserView a = users.create(Role.RESPONDER);
        PolicyView p = fx.policy(fx.service(), 0, 0, List.of(step(0, user(a.id()))));
        WebSession viewer = as(Role.VIEWER);
        var page = viewer.get("/escalation-policies");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(p.name()).contains("user " + a.username()).doesNotContain("new-policy");
        assertThat(viewer.get("/escalation-policies/new").status()).isEqualTo(403);
        assertThat(viewer.get("/escalation-policies/" + p.id()).status()).isEqualTo(403);
        assertThat(viewer.post("/escalation-policies", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(viewer.post("/escalation-policies/" + p.id() + "/delete", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void adminCreatesAPolicyInTheEditorWithInlineErrors() {
        WebSession admin = as(Role.ADMIN);
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        long schedule = fx.scheduleOf(b.id());
        long service = fx.service();
        String name = EscalationFixture.unique("ui-policy");
        var editor = admin.get("/escalation-policies/new");
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("SCHEDULE:" + schedule).contains("USER:" + a.id());

        var bad = admin.post("/escalation-policies", Map.of("name", name, "stepCount", "3", "delay_0", "0",
                "targets_0", List.of("USER:" + a.id()), "delay_1", "-5", "targets_1", List.of("SCHEDULE:" + schedule)));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("The delay of step 2 must be 0-1440 minutes.");

        var ok = admin.post("/escalation-policies", Map.of("name", name, "stepCount", "3", "delay_0", "0",
                "targets_0", List.of("USER:" + a.id()), "delay_1", "15", "targets_1", List.of("SCHEDULE:" + schedule),
                "delay_2", "", "repeatCount", "1", "repeatDelayMinutes", "20",
                "serviceIds", List.of(String.valueOf(service))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        PolicyView created = escalation.policies().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(created.steps()).hasSize(2);
        assertThat(created.steps().get(1).targets().get(0).kind()).isEqualTo(TargetKind.SCHEDULE);
        assertThat(created.repeatDelayMinutes()).isEqualTo(20);
        assertThat(created.services()).extracting(PolicyView.ServiceLabel::id).containsExactly(service);

        admin.get("/escalation-policies?lang=zh-CN");
        assertThat(admin.get("/escalation-policies/" + created.id()).body()).contains("编辑策略 " + name)
                .contains("第 2 步");
        assertThat(admin.post("/escalation-policies/" + created.id() + "/delete", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void theIncidentPanelShowsTheLiveStateAndResponderActions() {
        UserView a = users.create(Role.RESPONDER);
        UserView b = users.create(Role.RESPONDER);
        long service = fx.service();
        PolicyView p = fx.policy(service, 0, 0, List.of(step(0, user(a.id())), step(15, user(b.id()))));
        long incident = fx.declare("P1", service);

        WebSession viewer = as(Role.VIEWER);
        var panel = viewer.get("/incidents/" + incident + "/escalation");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("Policy " + p.name()).contains("Step 1 of 2 paged")
                .contains("next: step 2").contains("data-due=").contains(a.username())
                .doesNotContain("escalate-now");
        assertThat(viewer.get("/incidents/" + incident).body()).contains("/incidents/INC-");
        assertThat(viewer.post("/incidents/" + incident + "/escalation/escalate-now", Map.of()).status())
                .isEqualTo(403);

        WebSession responder = as(Role.RESPONDER);
        var escalated = responder.post("/incidents/" + incident + "/escalation/escalate-now", Map.of());
        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.body()).contains("Step 2 paged.").contains(b.username());
        responder.get("/incidents?lang=zh-CN");
        assertThat(responder.get("/incidents/" + incident + "/escalation").body()).contains("立即升级")
                .contains("所有步骤和重复均已呼叫");
        var reassigned = responder.post("/incidents/" + incident + "/escalation/reassign",
                Map.of("to", "USER:" + a.id()));
        assertThat(reassigned.body()).contains("已转派");
    }
}
