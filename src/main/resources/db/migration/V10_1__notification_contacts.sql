-- IM contact methods of a person (email and phone stay in identity): the ids used to @-mention
-- them in chat channels. user_id is identity's user id (no cross-module foreign key).
CREATE TABLE notification_contact
(
    user_id    BIGINT      NOT NULL PRIMARY KEY,
    slack      VARCHAR(64) NOT NULL DEFAULT '',
    dingtalk   VARCHAR(64) NOT NULL DEFAULT '',
    wecom      VARCHAR(64) NOT NULL DEFAULT '',
    feishu     VARCHAR(64) NOT NULL DEFAULT '',
    updated_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Audience of a severity level beyond the channels that list the level: extra channels, teams
-- (identity team ids) and users (identity user ids). People are emailed and @-mentioned.
CREATE TABLE notification_audience
(
    level_code VARCHAR(32) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    ref_id     BIGINT      NOT NULL,
    PRIMARY KEY (level_code, kind, ref_id)
);

-- Per-message recipients and mentions for people reached through an audience (null = the channel's own).
ALTER TABLE notification_message ADD COLUMN recipients VARCHAR(4000);
ALTER TABLE notification_message ADD COLUMN extra_mentions VARCHAR(2000);
