-- Personal notification rules: per person an ordered list of contact methods, each after a delay
-- counted from the page. channel_id NULL = email to the person's address (through the first
-- enabled internal email channel's SMTP server); otherwise a configured channel that posts the
-- page @-mentioning the person. user_id is identity's user id (no cross-module foreign key).
CREATE TABLE notification_rule
(
    user_id       BIGINT NOT NULL,
    position      INT    NOT NULL,
    channel_id    BIGINT,
    delay_minutes INT    NOT NULL,
    PRIMARY KEY (user_id, position)
);

-- One row per page request: the dedup key is the primary key, so the same key never pages twice
-- (INSERT ... ON CONFLICT DO NOTHING), and message_ids answers a repeat with the first ids.
CREATE TABLE notification_page
(
    dedup_key   VARCHAR(200)  NOT NULL PRIMARY KEY,
    incident_id BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    message_ids VARCHAR(2000) NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notification_page_incident_idx ON notification_page (incident_id);

-- Personal notices that must go out once per natural key (e.g. a shift hand-off).
CREATE TABLE notification_notice
(
    notice_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Pending pages are cancelled when their incident is acknowledged or resolved: found by template.
CREATE INDEX notification_message_template_idx ON notification_message (incident_id, template, status);

-- Admin-edited format variants of a template (MARKDOWN for chat tools that render it, HTML for
-- the email's HTML part); notification_template keeps the plain-text version. A missing row means
-- the built-in default of that format.
CREATE TABLE notification_template_variant
(
    kind       VARCHAR(40)    NOT NULL,
    locale     VARCHAR(16)    NOT NULL,
    format     VARCHAR(16)    NOT NULL,
    body       VARCHAR(16000) NOT NULL,
    updated_by VARCHAR(64)    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, locale, format)
);

-- The HTML part of an email rendered from the HTML template (NULL: made from the plain text).
ALTER TABLE notification_message ADD COLUMN body_html VARCHAR(32000);
