/**
 * The append-only timeline of each incident, fed by the incident module's events in the same
 * transaction as the change, with actor and full date-time; served as an API and a page panel.
 * <p>
 * Does not own incidents; it only records what happened to them.
 */
package io.firebreak.timeline;
