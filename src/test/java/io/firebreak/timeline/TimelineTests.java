package io.firebreak.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.NoteKind;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/** The timeline: atomic with each change, rendered per language, served as JSON, HTML and live updates. */
@FirebreakTest
class TimelineTests {

    @Autowired IncidentManagement incidents;
    @Autowired TimelineManagement timeline;
    @Autowired TransactionTemplate tx;
    @Autowired ApiClient api;
    @Autowired TestUsers users;

    private IncidentView declare(UserView actor, String title) {
        return incidents.declare(new DeclareIncident(title, null, List.of(), "P2", null, null, null), actor.username());
    }

    @Test
    void aChangeThatRollsBackLeavesNoTimelineEntry() {
        UserView alice = users.create(Role.RESPONDER);
        IncidentView inc = declare(alice, "atomic timeline");
        int before = timeline.entries(inc.id()).size();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            incidents.addNote(inc.number(), alice.username(), NoteKind.NOTE, "written then rolled back");
            assertThat(timeline.entries(inc.id())).hasSize(before + 1);
            throw new IllegalStateException("the surrounding work failed");
        })).hasMessage("the surrounding work failed");
        assertThat(timeline.entries(inc.id())).hasSize(before);
        assertThat(incidents.get(inc.number()).notes()).isEmpty();

        incidents.addNote(inc.number(), alice.username(), NoteKind.NOTE, "kept");
        assertThat(timeline.entries(inc.id())).hasSize(before + 1);
    }

    @Test
    void aRefusedChangeWritesNoEntry() {
        UserView alice = users.create(Role.RESPONDER);
        IncidentView inc = declare(alice, "refused change");
        incidents.mitigate(inc.number(), alice.username());
        int before = timeline.entries(inc.id()).size();
        assertThatThrownBy(() -> incidents.acknowledge(inc.number(), alice.username()))
                .hasMessageContaining("cannot go back");
        assertThat(timeline.entries(inc.id())).hasSize(before);
    }

    @Test
    void entriesAreRenderedInTheReadersLanguage() {
        UserView alice = users.create(Role.RESPONDER);
        IncidentView inc = declare(alice, "bilingual");
        incidents.acknowledge(inc.number(), alice.username());
        var zh = timeline.entries(inc.id(), Locale.SIMPLIFIED_CHINESE, ZoneOffset.UTC);
        var en = timeline.entries(inc.id(), Locale.ENGLISH, ZoneOffset.UTC);
        assertThat(zh.get(1).text()).isEqualTo("状态由 已检测 变为 已确认");
        assertThat(en.get(1).text()).isEqualTo("Status changed from Detected to Acknowledged");
        assertThat(zh.get(0).text()).isEqualTo("已声明事件，级别 P2：bilingual");
        assertThat(en.get(1).actor()).isEqualTo(alice.username());
        assertThat(en.get(1).at()).isEqualTo(incidents.get(inc.number()).stages().get(1).at());
    }

    // ---- UI endpoints (session login) -----------------------------------------------------

    private HttpClient login(UserView user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("login page has a CSRF field").isTrue();
        String form = "username=" + enc(user.username()) + "&password=" + enc(TestUsers.PASSWORD) + "&_csrf=" + enc(m.group(1));
        var res = http.send(HttpRequest.newBuilder(api.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void thePanelListsEntriesOldestFirstWithFullTimesAndEscapedText() throws Exception {
        UserView alice = users.create(Role.VIEWER);
        UserView bob = users.create(Role.RESPONDER);
        IncidentView inc = declare(bob, "<script>alert(1)</script>");
        incidents.acknowledge(inc.number(), bob.username());
        HttpClient http = login(alice);
        var res = http.send(HttpRequest.newBuilder(api.uri("/incidents/" + inc.number() + "/timeline")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        String html = res.body();
        assertThat(html).contains("<ol class=\"timeline\"").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
        assertThat(html.indexOf("Declared at level P2")).isLessThan(html.indexOf("Status changed from Detected"));
        String iso = inc.stages().get(0).at().toString();
        assertThat(html).contains("datetime=\"" + iso + "\"").contains(bob.username());
        assertThat(html).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</time>");

        var missing = http.send(HttpRequest.newBuilder(api.uri("/incidents/INC-987654321/timeline")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        var anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.uri("/incidents/" + inc.number() + "/timeline")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
    }

    @Test
    void anOpenEventStreamHearsEachCommittedChange() throws Exception {
        UserView viewer = users.create(Role.VIEWER);
        UserView bob = users.create(Role.RESPONDER);
        IncidentView inc = declare(bob, "live page");
        HttpClient http = login(viewer);
        var future = http.sendAsync(HttpRequest.newBuilder(api.uri("/incidents/" + inc.number() + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> res = future.get(10, TimeUnit.SECONDS);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        var lines = res.body().iterator();
        assertThat(lines.next()).isEqualTo(":open");
        String token = api.token(bob.username(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/incidents/" + inc.number() + "/acknowledge", token, "").status()).isEqualTo(200);
        var reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var received = reader.submit(() -> {
                StringBuilder seen = new StringBuilder();
                while (lines.hasNext()) {
                    String line = lines.next();
                    seen.append(line).append('\n');
                    if (line.startsWith("data:")) {
                        return seen.toString();
                    }
                }
                return seen.toString();
            });
            String event = received.get(10, TimeUnit.SECONDS);
            assertThat(event).contains("event:change").contains("data:1");
        } finally {
            reader.shutdownNow();
            res.body().close();
        }
        assertThat(Duration.ofSeconds(1)).isPositive();
    }

    @Test
    void theTimelineApiAnswersEachEntry() {
        String token = users.tokenFor(Role.RESPONDER);
        var created = api.post("/api/v1/incidents", token, Map.of("title", "api timeline", "level", "P3"));
        String number = created.body().get("number").asString();
        api.post("/api/v1/incidents/" + number + "/notes", token, Map.of("body", "looking at logs"));
        var res = api.get("/api/v1/incidents/" + number + "/timeline", token);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body().size()).isEqualTo(2);
        var note = res.body().get(1);
        assertThat(note.get("kind").asString()).isEqualTo("NOTE_ADDED");
        assertThat(note.get("text").asString()).isEqualTo("Note added");
        assertThat(note.get("detail").asString()).isEqualTo("looking at logs");
        assertThat(note.get("at").asString()).isNotBlank();
        assertThat(URI.create(api.baseUrl())).isNotNull();
    }
}
