/**
 * Outgoing communication: channels (email, Slack, DingTalk, WeCom, Feishu, generic webhook),
 * templates, audiences per level, the durable outbox with its ledger, storm bundling and
 * acknowledge-from-the-message links. Messages are written in the transaction of the incident
 * change that caused them and delivered afterwards by a cluster-safe worker. People are reached
 * through the audience of a level (channels, teams, users: {@code AudienceRouting}): emailed through
 * the first enabled email channel's SMTP server and @-mentioned with their contact methods
 * ({@code ContactBook}: Slack, DingTalk, WeCom, Feishu ids; the mobile from identity as fallback).
 * <p>
 * Does not own incidents (incident) or people (identity); it only reads them through their facades.
 */
package io.firebreak.notification;
