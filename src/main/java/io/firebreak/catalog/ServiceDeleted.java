package io.firebreak.catalog;

/** Published when a monitored service has been deleted, so modules that refer to it can react. */
public record ServiceDeleted(long serviceId, String name) {
}
