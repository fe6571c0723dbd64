package io.firebreak.incident.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.alert.AlertManagement;
import io.firebreak.support.FirebreakTest;
import io.micrometer.core.instrument.MeterRegistry;

/** The grouping backlog gauge: feed entries after the cursor. */
@FirebreakTest
class GroupingBacklogTests {

    @Autowired AlertManagement alerts;
    @Autowired GroupingStore store;
    @Autowired MeterRegistry meters;

    @Test
    void theBacklogIsTheFeedAfterTheCursor() {
        String cursor = "backlog-" + UUID.randomUUID();
        store.ensureCursor(cursor);
        var backlog = new GroupingBacklog(alerts, store, cursor);
        long before = alerts.feedHead();
        double atStart = backlog.entries();
        assertThat(atStart).isBetween((double) before, (double) alerts.feedHead());

        store.moveCursor(cursor, alerts.feedHead() - 2, Instant.now());
        assertThat(backlog.entries()).isBetween(2.0, 2.0 + alerts.feedHead() - before);
        store.moveCursor(cursor, alerts.feedHead() + 5, Instant.now());
        assertThat(backlog.entries()).isZero();

        assertThat(meters.get("firebreak.alert.grouping.backlog").gauge().value()).isNotNaN().isNotNegative();
    }
}
