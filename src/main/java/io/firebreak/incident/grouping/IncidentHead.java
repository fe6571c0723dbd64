package io.firebreak.incident.grouping;

import io.firebreak.incident.IncidentStatus;

/** The few facts of an incident that grouping decides on, read in one query. */
record IncidentHead(long id, String number, String title, IncidentStatus status) {
}
