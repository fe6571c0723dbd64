/**
 * The incident pages of the UI: the list, the declare form with its live triage recommendation,
 * and the incident page with every action a responder takes. Part of the incident module (it
 * calls {@link io.firebreak.incident.IncidentManagement} and the modules below); every change is
 * reserved to responders and re-checked here with {@code @PreAuthorize}.
 */
package io.firebreak.incident.ui;
