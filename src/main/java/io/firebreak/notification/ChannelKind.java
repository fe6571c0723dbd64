package io.firebreak.notification;

/** The kinds of outbound channel Firebreak can deliver a message through. */
public enum ChannelKind {
    EMAIL, SLACK, DINGTALK, WECOM, FEISHU, WEBHOOK
}
