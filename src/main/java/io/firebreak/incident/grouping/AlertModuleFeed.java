package io.firebreak.incident.grouping;

import java.util.List;

import org.springframework.stereotype.Component;

import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.alert.AlertManagement;
import io.firebreak.alert.AlertView;
import io.firebreak.alert.IntegrationView;
import io.firebreak.shared.NotFoundException;

/** The alert feed as the alert module's facade serves it. */
@Component
class AlertModuleFeed implements AlertFeed {

    private final AlertManagement alerts;

    AlertModuleFeed(AlertManagement alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<AlertFeedEntry> feedAfter(long afterSeq, int limit) {
        return alerts.feedAfter(afterSeq, limit);
    }

    @Override
    public List<AlertView> alerts(java.util.Collection<Long> ids) {
        return alerts.getAll(ids);
    }

    @Override
    public IntegrationView integration(long id) {
        try {
            return alerts.integration(id);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
