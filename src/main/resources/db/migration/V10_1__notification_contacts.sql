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
