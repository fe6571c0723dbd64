package io.firebreak.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.firebreak.alert.AlertSource;
import io.firebreak.support.FirebreakTest;

/** The ingestion endpoints as served by default, by {@link IngestionFilter}. */
@FirebreakTest
class DirectIngestionTests extends IngestionPathsContract {

    @Override
    boolean direct() {
        return true;
    }

    @Test
    void routesAreTheIngestionEndpointsOnly() {
        assertThat(IngestionFilter.Route.of("/api/v2/alerts")).isEqualTo(new IngestionFilter.Route(AlertSource.PROMETHEUS, null));
        assertThat(IngestionFilter.Route.of("/api/v1/integrations/alertmanager"))
                .isEqualTo(new IngestionFilter.Route(AlertSource.ALERTMANAGER, null));
        assertThat(IngestionFilter.Route.of("/api/v1/integrations/grafana"))
                .isEqualTo(new IngestionFilter.Route(AlertSource.GRAFANA, null));
        assertThat(IngestionFilter.Route.of("/api/v1/integrations/fbi_k/alertmanager"))
                .isEqualTo(new IngestionFilter.Route(AlertSource.ALERTMANAGER, "fbi_k"));
        assertThat(IngestionFilter.Route.of("/api/v1/integrations/fbi_k/grafana"))
                .isEqualTo(new IngestionFilter.Route(AlertSource.GRAFANA, "fbi_k"));
        assertThat(IngestionFilter.Route.of("/api/v1/integrations/fbi_k/events"))
                .isEqualTo(new IngestionFilter.Route(AlertSource.GENERIC, "fbi_k"));
        for (String other : new String[] { "/api/v1/integrations", "/api/v1/integrations/", "/api/v1/integrations/12",
                "/api/v1/integrations/12/rotate-key", "/api/v1/integrations//events", "/api/v1/integrations/k/events/x",
                "/api/v2/alerts/", "/api/v2/alertsx", "/v2/enqueue" }) {
            assertThat(IngestionFilter.Route.of(other)).as(other).isNull();
        }
    }
}
