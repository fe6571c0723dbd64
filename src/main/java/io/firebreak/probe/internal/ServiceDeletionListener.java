package io.firebreak.probe.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.catalog.ServiceDeleted;
import io.firebreak.probe.ProbeManagement;

/** Deletes the health checks of a deleted service in the deletion's transaction, so no check points at nothing. */
@Component
class ServiceDeletionListener {

    private final ProbeManagement probes;

    ServiceDeletionListener(ProbeManagement probes) {
        this.probes = probes;
    }

    @EventListener
    void on(ServiceDeleted event) {
        probes.deleteChecksOfService(event.serviceId());
    }
}
