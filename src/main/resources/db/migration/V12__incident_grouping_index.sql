-- The grouping worker looks up an incident's group by incident id on every alert it attaches;
-- without this index that look-up scans the whole table (seen in the ingestion benchmark).
CREATE INDEX incident_alert_group_incident_idx ON incident_alert_group (incident_id);
