/**
 * The monitored services Firebreak knows: name, description, owner team, whether the service is
 * core to the business, its tier, and what it depends on. Publishes {@code ServiceDeleted}; listens
 * to identity's {@code TeamDeleted} to leave the team's services without an owner.
 * <p>
 * Does not own alerts or health checks (alert, probe) nor who is on call for a service (oncall).
 */
package io.firebreak.catalog;
