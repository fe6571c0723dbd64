package io.firebreak.notification;

/**
 * The IM ids of one person used to @-mention them in chat channels (empty string = none): Slack
 * member id, DingTalk user id or mobile, WeCom user id, Feishu user id (open_id / user_id).
 * Email and phone come from identity and are shown alongside, read-only.
 */
public record ContactMethods(String slack, String dingtalk, String wecom, String feishu) {

    public static final ContactMethods NONE = new ContactMethods("", "", "", "");

    public ContactMethods {
        slack = slack == null ? "" : slack.strip();
        dingtalk = dingtalk == null ? "" : dingtalk.strip();
        wecom = wecom == null ? "" : wecom.strip();
        feishu = feishu == null ? "" : feishu.strip();
    }

    /** The id to mention on a channel kind, empty if none is stored or the kind has no mentions. */
    public String forKind(ChannelKind kind) {
        return switch (kind) {
            case SLACK -> slack;
            case DINGTALK -> dingtalk;
            case WECOM -> wecom;
            case FEISHU -> feishu;
            default -> "";
        };
    }
}
