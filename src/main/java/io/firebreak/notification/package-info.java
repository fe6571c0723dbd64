/**
 * Outgoing communication: channels (email, Slack, DingTalk, WeCom, Feishu, generic webhook),
 * templates, audiences per level, the durable outbox with its ledger, storm bundling and
 * acknowledge-from-the-message links. Messages are written in the transaction of the incident
 * change that caused them and delivered afterwards by a cluster-safe worker.
 * <p>
 * Does not own incidents (incident) or people (identity); it only reads them through their facades.
 */
package io.firebreak.notification;
