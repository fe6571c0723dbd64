/**
 * Grouping of alerts into incidents, internal to the incident module: the feed worker
 * ({@link io.firebreak.incident.grouping.GroupingWorker}), the per-entry decisions
 * ({@code AlertGrouper}), group keys, label matchers and the grouping tables.
 */
package io.firebreak.incident.grouping;
