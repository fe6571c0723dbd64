/**
 * Who people are and what they may do: users, teams, the four roles (viewer, responder,
 * commander, admin), form login for the UI, API bearer tokens, and the audit log of every change.
 * Publishes {@code TeamDeleted} so modules that refer to teams by id can let go of them.
 * <p>
 * Does not own on-call schedules (oncall) or contact-method delivery (notification).
 */
package io.firebreak.identity;
