-- alert_expiry_idx (expires_at) has served nothing since V11 added alert_status_expiry_idx
-- (status, expires_at) for the expiry pass, the only query on expires_at; every stored alert still
-- paid for maintaining it.
DROP INDEX alert_expiry_idx;
