-- An incident's escalation starts again from step 1 when the incident is reopened: run_no counts
-- those runs (0: the run started when the incident opened) and keeps each run's page dedup keys
-- apart from the earlier runs'.
ALTER TABLE escalation_incident ADD COLUMN run_no INT NOT NULL DEFAULT 0;
