package io.firebreak.incident.grouping;

import java.util.List;

import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.IntegrationView;

/** What grouping reads from the alert module: the transition feed and integrations (a seam for tests). */
interface AlertFeed {

    List<AlertFeedEntry> feedAfter(long afterSeq, int limit);

    /** The alerts as they are now (unknown ids left out). */
    List<AlertView> alerts(java.util.Collection<Long> ids);

    /** The integration, or null when it no longer exists. */
    IntegrationView integration(long id);
}
