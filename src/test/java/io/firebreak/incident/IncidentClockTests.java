package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.incident.internal.ClockWorker;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** Response and resolution clocks: due times, breaches recorded once by the worker, stopping. */
@FirebreakTest
class IncidentClockTests {

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired ClockWorker worker;
    @Autowired SeverityManagement severity;

    private static final String BASE = "/api/v1/incidents";

    private JsonNode declareP0(String token, String title) {
        var res = api.post(BASE, token, Map.of("title", title, "level", "P0"));
        assertThat(res.status()).as(res.raw()).isEqualTo(201);
        return res.body();
    }

    private static JsonNode clockOf(JsonNode incident, String kind) {
        for (JsonNode c : incident.get("clocks")) {
            if (c.get("kind").asString().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + kind);
    }

    private List<JsonNode> breaches(String ref, String token) {
        List<JsonNode> out = new ArrayList<>();
        api.get(BASE + "/" + ref + "/timeline", token).body().forEach(e -> {
            if (e.get("kind").asString().equals("CLOCK_BREACHED")) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void aMissedResponseTargetIsRecordedOnceAndAcknowledgingStopsTheClock() {
        String token = users.tokenFor(Role.RESPONDER);
        JsonNode inc = declareP0(token, "P0 nobody answers");
        String ref = inc.get("number").asString();
        JsonNode response = clockOf(inc, "RESPONSE");
        Instant due = Instant.parse(response.get("dueAt").asString());
        assertThat(Duration.between(Instant.parse(response.get("startedAt").asString()), due)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Instant.parse(clockOf(inc, "RESOLUTION").get("dueAt").asString()))
                .isEqualTo(Instant.parse(response.get("startedAt").asString()).plus(Duration.ofHours(1)));

        worker.runOnce();
        assertThat(breaches(ref, token)).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        worker.runOnce();
        JsonNode after = api.get(BASE + "/" + ref, token).body();
        JsonNode breached = clockOf(after, "RESPONSE");
        assertThat(breached.get("breachedAt")).isNotNull();
        assertThat(breached.get("state").asString()).isEqualTo("OVERDUE");
        assertThat(breached.get("remainingSeconds").asLong()).isBetween(-61L, -59L);
        assertThat(breached.get("breachedBySeconds").asLong()).isBetween(59L, 61L);
        assertThat(clockOf(after, "RESOLUTION").get("breachedAt")).isNull();

        worker.runOnce();
        List<JsonNode> entries = breaches(ref, token);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("system");
        String dueText = DateTimeFormatter.ofPattern("HH:mm").format(due.atZone(ZoneOffset.UTC));
        assertThat(entries.get(0).get("text").asString()).isEqualTo("Response target missed: due " + dueText + ", by 1m");

        JsonNode acked = api.post(BASE + "/" + ref + "/acknowledge", token, "").body();
        JsonNode stopped = clockOf(acked, "RESPONSE");
        assertThat(stopped.get("stoppedAt")).isNotNull();
        assertThat(stopped.get("state").asString()).isEqualTo("MISSED");
        assertThat(clockOf(acked, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
        clock.advance(Duration.ofMinutes(1));
        worker.runOnce();
        assertThat(breaches(ref, token)).hasSize(1);
    }

    @Test
    void acknowledgingInTimeMeetsTheTarget() {
        String token = users.tokenFor(Role.RESPONDER);
        String ref = declareP0(token, "P0 answered fast").get("number").asString();
        clock.advance(Duration.ofMinutes(2));
        api.post(BASE + "/" + ref + "/acknowledge", token, "");
        clock.advance(Duration.ofMinutes(6));
        worker.runOnce();
        JsonNode response = clockOf(api.get(BASE + "/" + ref, token).body(), "RESPONSE");
        assertThat(response.get("state").asString()).isEqualTo("MET");
        assertThat(response.get("breachedAt")).isNull();
        assertThat(breaches(ref, token)).isEmpty();
    }

    @Test
    void aLevelChangeRecomputesDueTimesFromDetection() {
        String token = users.tokenFor(Role.RESPONDER);
        JsonNode inc = declareP0(token, "P0 that is really P2");
        String ref = inc.get("number").asString();
        Instant detected = Instant.parse(clockOf(inc, "RESPONSE").get("startedAt").asString());
        JsonNode changed = api.put(BASE + "/" + ref + "/severity", token, Map.of("level", "P2", "reason", "one page only"))
                .body();
        var p2 = severity.level("P2", "level");
        assertThat(Instant.parse(clockOf(changed, "RESPONSE").get("dueAt").asString()))
                .isEqualTo(severity.dueAt(detected, p2.responseTarget()));
        assertThat(Instant.parse(clockOf(changed, "RESOLUTION").get("dueAt").asString()))
                .isEqualTo(severity.dueAt(detected, p2.resolutionTarget()));
        assertThat(changed.get("levelCode").asString()).isEqualTo("P2");
    }

    @Test
    void resolvingStopsTheResolutionClockAndReopeningResumesIt() {
        String token = users.tokenFor(Role.RESPONDER);
        String ref = declareP0(token, "P0 reopened").get("number").asString();
        JsonNode resolved = api.post(BASE + "/" + ref + "/resolve", token, "").body();
        assertThat(clockOf(resolved, "RESOLUTION").get("stoppedAt")).isNotNull();
        assertThat(clockOf(resolved, "RESOLUTION").get("state").asString()).isEqualTo("MET");
        JsonNode reopened = api.post(BASE + "/" + ref + "/reopen", token, Map.of("reason", "back again")).body();
        assertThat(clockOf(reopened, "RESOLUTION").get("stoppedAt")).isNull();
        assertThat(clockOf(reopened, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
        assertThat(clockOf(reopened, "RESPONSE").get("stoppedAt")).isNotNull();
    }
}
