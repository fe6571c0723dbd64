/**
 * The monitored services Firebreak knows: name, description, owner team, whether the service is
 * core to the business, its tier, and what it depends on.
 * <p>
 * Does not own alerts or health checks (alert, probe) nor who is on call for a service (oncall).
 */
package io.firebreak.catalog;
