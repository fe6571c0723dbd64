package io.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserView;
import io.firebreak.oncall.internal.OverrideDesk;
import io.firebreak.oncall.internal.ScheduleEditor;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/** The facade's look-ups against the real database: schedules, layers, overrides, teams and services. */
@FirebreakTest
class OncallManagementTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired OncallManagement oncall;
    @Autowired ScheduleEditor editor;
    @Autowired OverrideDesk overrides;
    @Autowired TeamManagement teams;
    @Autowired CatalogManagement catalog;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    static Instant local(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), SHANGHAI).toInstant();
    }

    @Test
    void answersWhoIsOnForScheduleTeamAndService() {
        UserView alice = users.create(Role.RESPONDER);
        UserView bob = users.create(Role.RESPONDER);
        UserView carol = users.create(Role.RESPONDER);
        long team = teams.create(new TeamDefinition(unique("oncall-team"), null), "test").id();
        ScheduleView schedule = editor.create(new ScheduleDefinition(unique("primary"), null, team, "Asia/Shanghai"),
                "test");
        editor.addLayer(schedule.id(), new LayerDefinition("weekly", null, ShiftKind.WEEKLY, null, "09:00",
                LocalDate.parse("2026-03-02"), null, List.of(alice.id(), bob.id())), "test");
        long service = catalog.create(new ServiceDefinition(unique("oncall-svc"), null, team, false, 2, List.of()),
                "test").id();

        Instant at = local("2026-03-10T12:00");
        OnCallShift shift = oncall.onCall(schedule.id(), at).orElseThrow();
        assertThat(shift.userId()).isEqualTo(bob.id());
        assertThat(shift.username()).isEqualTo(bob.username());
        assertThat(shift.start()).isEqualTo(local("2026-03-09T09:00"));
        assertThat(shift.end()).isEqualTo(local("2026-03-16T09:00"));
        assertThat(shift.override()).isFalse();
        OnCallShift next = oncall.nextOnCall(schedule.id(), at).orElseThrow();
        assertThat(next.userId()).isEqualTo(alice.id());
        assertThat(next.start()).isEqualTo(local("2026-03-16T09:00"));

        assertThat(oncall.forTeam(team, at)).containsExactly(shift);
        assertThat(oncall.forService(service, at)).containsExactly(shift);
        assertThat(oncall.schedule(schedule.id())).contains(new ScheduleSummary(schedule.id(), schedule.name(), team,
                "Asia/Shanghai"));
        assertThat(oncall.schedules()).contains(schedule.summary());
        assertThat(oncall.onCall(schedule.id(), local("2026-03-01T12:00"))).isEmpty();
        assertThat(oncall.onCall(987654321L, at)).isEmpty();
        assertThat(oncall.forService(987654321L, at)).isEmpty();

        // An override for the rest of the test period beats the layer (the clock must be before its end).
        Instant from = clock.instant().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        overrides.create(schedule.id(), new OverrideDefinition(carol.id(), from, from.plusSeconds(8 * 3600)), adminName());
        OnCallShift covered = oncall.onCall(schedule.id(), from.plusSeconds(60)).orElseThrow();
        assertThat(covered.userId()).isEqualTo(carol.id());
        assertThat(covered.override()).isTrue();
        assertThat(covered.start()).isEqualTo(from);
        assertThat(covered.end()).isEqualTo(from.plusSeconds(8 * 3600));
    }

    private String adminName() {
        return users.create(Role.ADMIN).username();
    }
}
