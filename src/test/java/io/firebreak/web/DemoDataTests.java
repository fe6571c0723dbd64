package io.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;

/** Demo mode creates people, teams, services and incidents in every kind of stage, through the facades. */
@FirebreakTest
class DemoDataTests {

    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired CatalogManagement catalog;
    @Autowired IncidentManagement incidents;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;
    @Autowired ApiClient api;

    @Test
    void isOffUnlessAskedFor() {
        assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
    }

    @Test
    void fillsIncidentsInSeveralStagesAndDemoUsersCanSignIn() {
        List<String> created = new DemoData(users, teams, catalog, incidents, clock).fill();

        List<IncidentView> demo = created.stream().filter(c -> c.startsWith("incident "))
                .map(c -> incidents.get(c.split(" ")[1])).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(5);
        Map<IncidentStatus, Long> byStatus = demo.stream()
                .collect(Collectors.groupingBy(IncidentView::status, Collectors.counting()));
        assertThat(byStatus).containsKeys(IncidentStatus.DETECTED, IncidentStatus.ACKNOWLEDGED,
                IncidentStatus.MITIGATED, IncidentStatus.RESOLVED, IncidentStatus.CLOSED);
        IncidentView mitigated = demo.stream().filter(i -> i.status() == IncidentStatus.MITIGATED).findFirst()
                .orElseThrow();
        assertThat(mitigated.actions()).isNotEmpty();
        assertThat(mitigated.notes()).isNotEmpty();
        assertThat(mitigated.roles()).isNotEmpty();
        assertThat(catalog.list().stream().map(s -> s.name()).toList()).contains("checkout", "api-gateway");
        assertThat(teams.list().stream().collect(Collectors.toMap(t -> t.name(), Function.identity())))
                .containsKeys("SRE", "Payments");

        UiSession.login(api.baseUrl(), "demo-commander", DemoData.PASSWORD);
    }
}
