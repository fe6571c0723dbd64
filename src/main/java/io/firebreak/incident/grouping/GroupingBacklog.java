package io.firebreak.incident.grouping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertManagement;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far grouping is behind the alert feed, as the gauge {@code firebreak.alert.grouping.backlog}
 * (feed entries committed but not yet turned into incident changes). Zero in normal operation; it
 * grows in an alert storm faster than grouping can apply it and should fall back to zero after.
 * Read on each scrape with two small queries.
 */
@Component
class GroupingBacklog {

    private static final Logger log = LoggerFactory.getLogger(GroupingBacklog.class);

    private final AlertManagement alerts;
    private final GroupingStore store;
    private final String cursor;

    @Autowired
    GroupingBacklog(AlertManagement alerts, GroupingStore store, MeterRegistry meters) {
        this(alerts, store, GroupingWorker.CURSOR);
        Gauge.builder("firebreak.alert.grouping.backlog", this, GroupingBacklog::entries)
                .description("Alert feed entries not yet applied to incidents by grouping").register(meters);
    }

    /** The backlog of another cursor, unregistered (tests). */
    GroupingBacklog(AlertManagement alerts, GroupingStore store, String cursor) {
        this.alerts = alerts;
        this.store = store;
        this.cursor = cursor;
    }

    /** Feed entries after the grouping cursor; NaN when the database cannot be read. */
    double entries() {
        try {
            return Math.max(0, alerts.feedHead() - store.cursorPosition(cursor));
        } catch (RuntimeException e) {
            log.debug("Grouping backlog not readable", e);
            return Double.NaN;
        }
    }
}
