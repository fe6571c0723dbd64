package io.firebreak.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;
import io.firebreak.web.UiSession;

/** The incident pages over real HTTP with a signed-in session: role checks, declaring, actions and notices. */
@FirebreakTest
class IncidentUiTests {

    private static final Pattern INCIDENT = Pattern.compile("/incidents/(INC-\\d+)$");

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired IncidentManagement incidents;

    private UiSession as(Role role) {
        UserView user = users.create(role);
        return UiSession.login(api.baseUrl(), user.username(), TestUsers.PASSWORD);
    }

    @Test
    void aViewerIsRefusedEveryChangeAndTheDeclareForm() {
        UiSession viewer = as(Role.VIEWER);
        assertThat(viewer.get("/incidents/new").status()).isEqualTo(403);
        assertThat(viewer.post("/incidents", Map.of("title", "x")).status()).isEqualTo(403);
        for (String action : new String[] { "acknowledge", "investigate", "mitigate", "resolve", "verify", "close",
                "reopen", "verification/HEALTH_CHECK", "severity", "roles/COMMANDER", "roles/COMMANDER/unassign",
                "notes", "actions", "actions/1", "cause", "ticket", "details" }) {
            assertThat(viewer.post("/incidents/INC-1/" + action, Map.of("reason", "r")).status())
                    .as("viewer POST %s", action).isEqualTo(403);
        }
    }

    @Test
    void theDeclareFormAsksTheTriageQuestionsAndFollowsTheRecommendation() {
        var page = as(Role.RESPONDER).get("/incidents/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("hx-post=\"/triage/recommendation\"", "hx-target=\"#triage-recommendation\"", "hx-swap=\"outerHTML\"")
                .contains("name=\"serviceDown\"", "name=\"coreFunctionAffected\"", "name=\"userExperienceDegraded\"")
                .contains("name=\"usersAffected\"", "name=\"usersAffectedPercent\"", "name=\"businessImpact\"")
                .contains("name=\"dataLoss\"", "name=\"securityRisk\"", "name=\"moneyLost\"", "name=\"impactSummary\"")
                .contains("data-follow=\"triage-recommended-level\"")
                .doesNotContain("<script>", "style=\"", "onclick");
    }

    @Test
    void declaringRedirectsToTheNewIncidentWhichShowsItsHeader() {
        UiSession responder = as(Role.RESPONDER);
        String title = "Checkout fails " + UUID.randomUUID();
        var posted = responder.post("/incidents", Map.of("title", title, "serviceDown", "false",
                "coreFunctionAffected", "true", "levelCode", ""));
        assertThat(posted.status()).isEqualTo(302);
        String number = number(posted.location());

        var page = responder.follow(posted);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number, title, "level-1", ">P1<", "Detected")
                .contains("class=\"clock", "data-due=")
                .contains("data-live=\"/incidents/" + number + "/events\"")
                .contains("hx-get=\"/incidents/" + number + "/panel\"", "hx-trigger=\"live-change\"")
                .contains("hx-get=\"/incidents/" + number + "/timeline\"")
                .contains("id=\"action-acknowledge\"");

        var panel = responder.get("/incidents/" + number + "/panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("id=\"incident-header\"", title).doesNotContain("<html");
    }

    @Test
    void anInvalidDeclarationShowsTheFormAgainWithWhatWasTyped() {
        UiSession responder = as(Role.RESPONDER);
        var page = responder.post("/incidents", Map.of("title", "", "description", "kept description text",
                "usersAffected", "12", "coreFunctionAffected", "true"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"declare-error\"", "kept description text", "value=\"12\"")
                .containsPattern("id=\"coreFunctionAffected-yes\"[^>]*checked");

        var badNumber = responder.post("/incidents", Map.of("title", "Typo in the form " + UUID.randomUUID(),
                "usersAffectedPercent", "250"));
        assertThat(badNumber.status()).isEqualTo(200);
        assertThat(badNumber.body()).contains("from 0 to 100", "value=\"250\"");
    }

    @Test
    void aRefusedActionIsANoticeOnThePageNotAnErrorPage() {
        UiSession responder = as(Role.RESPONDER);
        String number = declare(responder, "Refused action " + UUID.randomUUID());
        var refused = responder.post("/incidents/" + number + "/verify", Map.of());
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).contains("/incidents/" + number);
        var page = responder.follow(refused);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"notice error\"", "Not done");

        var done = responder.post("/incidents/" + number + "/acknowledge", Map.of());
        assertThat(responder.follow(done).body()).contains("class=\"notice ok\"", "Acknowledged")
                .contains("only as a false alarm");

        var notCommander = responder.post("/incidents/" + number + "/close", Map.of("reason", "done"));
        assertThat(responder.follow(notCommander).body()).contains("class=\"notice error\"", "Not allowed");
        var falseAlarm = responder.post("/incidents/" + number + "/close",
                Map.of("reason", "the alert was wrong", "falseAlarm", "true"));
        assertThat(responder.follow(falseAlarm).body()).contains("class=\"notice ok\"", "id=\"incident-false-alarm\"",
                "the alert was wrong");
    }

    @Test
    void detailsCausesTicketNotesAndSeverityAreSavedFromThePage() {
        UiSession responder = as(Role.RESPONDER);
        String number = declare(responder, "Edited " + UUID.randomUUID());
        String base = "/incidents/" + number;
        var details = responder.post(base + "/details", Map.of("title", "Renamed incident", "description", "more",
                "impactSummary", "half the users"));
        assertThat(details.location()).endsWith(base + "#details");
        assertThat(responder.follow(details).body()).contains("class=\"notice ok\"");
        responder.follow(responder.post(base + "/cause", Map.of("directCause", "pool exhausted",
                "rootCauseCategory", "TECHNICAL", "rootCause", "connection leak")));
        responder.follow(responder.post(base + "/ticket", Map.of("url", "https://tickets.example.com/OPS-1")));
        responder.follow(responder.post(base + "/notes", Map.of("kind", "STATUS_UPDATE", "body", "Rolling back now")));
        responder.follow(responder.post(base + "/severity", Map.of("levelCode", "P2",
                "reason", "fewer users than feared")));

        String page = responder.get(base).body();
        assertThat(page).contains("Renamed incident", "half the users", "pool exhausted", "connection leak",
                "Rolling back now", ">P2<")
                .containsPattern("href=\"https://tickets.example.com/OPS-1\"[^>]*rel=\"noopener noreferrer\"");

        var bad = responder.post(base + "/ticket", Map.of("url", "javascript:alert(1)"));
        assertThat(responder.follow(bad).body()).contains("class=\"notice error\"")
                .doesNotContain("href=\"javascript:");
    }

    @Test
    void aViewerSeesTheIncidentButNoActionForm() {
        String number = declare(as(Role.RESPONDER), "Seen by a viewer " + UUID.randomUUID());
        var page = as(Role.VIEWER).get("/incidents/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number).doesNotContain("id=\"action-acknowledge\"", "<form method=\"post\"",
                "id=\"note-body\"", "id=\"role-COMMANDER-assign\"");
    }

    @Test
    void theListFindsIncidentsByTextAndTheDashboardShowsOpenOnes() {
        UiSession responder = as(Role.RESPONDER);
        String marker = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        String number = declare(responder, "Listed " + marker);

        assertThat(responder.get("/incidents?q=" + marker).body()).contains(number, "Listed " + marker);
        assertThat(responder.get("/incidents?q=nothing-" + marker).body()).contains("id=\"incident-list-empty\"")
                .doesNotContain(number);
        assertThat(responder.get("/incidents?status=OPEN&from=not-a-date").status()).isEqualTo(200);

        var dashboard = responder.get("/");
        assertThat(dashboard.body()).contains("id=\"dashboard-" + number + "\"", "hx-trigger=\"every 30s\"",
                "data-due=");
        assertThat(responder.get("/dashboard/panel").body()).contains(number).doesNotContain("<html");
    }

    @Test
    void theListFiltersByStatusAndLevelAndPages() {
        UiSession responder = as(Role.RESPONDER);
        String actor = users.create(Role.RESPONDER).username();
        String marker = "paged" + UUID.randomUUID().toString().substring(0, 8);
        String first = null;
        for (int n = 0; n < IncidentListController.PAGE_SIZE + 2; n++) {
            String number = incidents.declare(new DeclareIncident(marker + " " + n, null, List.of(),
                    n == 0 ? "P3" : "P2", TriageAnswers.none(), null, null), actor).number();
            first = first == null ? number : first;
        }
        incidents.acknowledge(first, actor);

        String page1 = responder.get("/incidents?q=" + marker).body();
        assertThat(page1).contains("Page 1 of 2", "id=\"page-next\"").doesNotContain("id=\"page-previous\"");
        String page2 = responder.get("/incidents?q=" + marker + "&page=1").body();
        assertThat(page2).contains("Page 2 of 2", "id=\"page-previous\"");

        String p3 = responder.get("/incidents?q=" + marker + "&level=P3").body();
        assertThat(p3).contains("id=\"row-" + first + "\"", "1 incident<");
        String acknowledged = responder.get("/incidents?q=" + marker + "&status=ACKNOWLEDGED").body();
        assertThat(acknowledged).contains("id=\"row-" + first + "\"", "1 incident<");
        String detectedToday = responder.get("/incidents?q=" + marker + "&status=DETECTED&from="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)).body();
        assertThat(detectedToday).doesNotContain("id=\"row-" + first + "\"").contains("26 incidents");
        String tooEarly = responder.get("/incidents?q=" + marker + "&to=2001-01-01").body();
        assertThat(tooEarly).contains("id=\"incident-list-empty\"");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        assertThat(as(Role.VIEWER).get("/incidents/INC-999999999").status()).isEqualTo(404);
    }

    private static String declare(UiSession session, String title) {
        var posted = session.post("/incidents", Map.of("title", title, "coreFunctionAffected", "true"));
        assertThat(posted.status()).as("declare answered %s", posted.status()).isEqualTo(302);
        return number(posted.location());
    }

    private static String number(String location) {
        Matcher m = INCIDENT.matcher(location);
        assertThat(m.find()).as("redirect to an incident: %s", location).isTrue();
        return m.group(1);
    }
}
