package io.firebreak.notification.internal;

import io.firebreak.notification.ChannelKind;

/**
 * The formats a template is kept in: PLAIN (the subject and the text of email plain parts and
 * webhooks, values as they are), MARKDOWN (the chat tools: Slack, after conversion to its mrkdwn,
 * DingTalk, WeCom, Feishu; values escaped by {@link ChatEscapes}) and HTML (the HTML part of emails,
 * values HTML-escaped).
 */
public enum TemplateFormat {
    PLAIN, MARKDOWN, HTML;

    /** The format of a channel kind's main text (emails add the HTML part besides their plain text). */
    public static TemplateFormat of(ChannelKind kind) {
        return switch (kind) {
            case SLACK, DINGTALK, WECOM, FEISHU -> MARKDOWN;
            case EMAIL, WEBHOOK -> PLAIN;
        };
    }
}
