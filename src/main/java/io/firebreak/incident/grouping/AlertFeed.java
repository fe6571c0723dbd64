package io.firebreak.incident.grouping;

import java.util.List;

import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.alert.IntegrationView;

/** What grouping reads from the alert module: the transition feed and integrations (a seam for tests). */
interface AlertFeed {

    List<AlertFeedEntry> feedAfter(long afterSeq, int limit);

    /** The integration, or null when it no longer exists. */
    IntegrationView integration(long id);
}
