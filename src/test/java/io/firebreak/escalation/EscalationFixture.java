package io.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.identity.Role;
import io.firebreak.oncall.LayerDefinition;
import io.firebreak.oncall.ScheduleDefinition;
import io.firebreak.oncall.ShiftKind;
import io.firebreak.oncall.internal.ScheduleEditor;
import io.firebreak.support.ApiClient;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/**
 * Builds what escalation tests need through the real modules (schedules, services, policies,
 * incidents declared over the API) and reads which pages the notification module queued.
 */
@TestComponent
class EscalationFixture {

    private final ApiClient api;
    private final TestUsers users;
    private final ScheduleEditor schedules;
    private final CatalogManagement catalog;
    private final EscalationManagement escalation;
    private final JdbcClient jdbc;
    private final MutableClock clock;

    EscalationFixture(ApiClient api, TestUsers users, ScheduleEditor schedules, CatalogManagement catalog,
            EscalationManagement escalation, JdbcClient jdbc, MutableClock clock) {
        this.api = api;
        this.users = users;
        this.schedules = schedules;
        this.catalog = catalog;
        this.escalation = escalation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A schedule on which {@code userId} is always on call. */
    long scheduleOf(long userId) {
        long id = schedules.create(new ScheduleDefinition(unique("sched"), null, null, "UTC"), "test").id();
        schedules.addLayer(id, new LayerDefinition("all", null, ShiftKind.WEEKLY, null, "09:00",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(30), null, List.of(userId)), "test");
        return id;
    }

    long service() {
        return catalog.create(new ServiceDefinition(unique("esc-svc"), null, null, true, 1, List.of()), "test").id();
    }

    /** A policy for the service: each step is (delay minutes, targets). */
    PolicyView policy(long serviceId, int repeatCount, int repeatDelay, List<PolicyStep> steps) {
        return escalation.create(new PolicyDefinition(unique("policy"), null, repeatCount, repeatDelay, false,
                serviceId == 0 ? List.of() : List.of(serviceId), steps), "test");
    }

    static PolicyStep step(int delay, PolicyTarget... targets) {
        return new PolicyStep(delay, List.of(targets));
    }

    static PolicyTarget user(long id) {
        return new PolicyTarget(TargetKind.USER, id);
    }

    static PolicyTarget schedule(long id) {
        return new PolicyTarget(TargetKind.SCHEDULE, id);
    }

    static PolicyTarget team(long id) {
        return new PolicyTarget(TargetKind.TEAM, id);
    }

    /** Declares an incident of the level on the service over the API; returns its id. */
    long declare(String level, long serviceId) {
        var r = api.post("/api/v1/incidents", users.tokenFor(Role.RESPONDER), Map.of("title",
                "Escalation test " + UUID.randomUUID(), "level", level,
                "serviceIds", serviceId == 0 ? List.of() : List.of(serviceId)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** The dedup keys of every page queued for the incident, with the paged user: "key=userId", in order. */
    List<String> pages(long incidentId) {
        return new ArrayList<>(jdbc.sql("""
                SELECT dedup_key, user_id FROM notification_page WHERE incident_id = :id ORDER BY created_at, dedup_key""")
                .param("id", incidentId).query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2)).list());
    }

    /** The user ids paged for the incident, in order. */
    List<Long> pagedUsers(long incidentId) {
        return jdbc.sql("SELECT user_id FROM notification_page WHERE incident_id = :id ORDER BY created_at, dedup_key")
                .param("id", incidentId).query(Long.class).list();
    }

    /** How many timeline entries of the kind the incident has. */
    int timeline(long incidentId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM timeline_entry WHERE incident_id = :id AND kind = :kind")
                .param("id", incidentId).param("kind", kind).query(Integer.class).single();
    }
}
