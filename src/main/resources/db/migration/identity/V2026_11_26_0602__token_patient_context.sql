-- A token narrowed to one patient (SMART launch context "patient"): its patient/ scopes reach
-- that patient's data only. NULL for system tokens.
ALTER TABLE api_token ADD COLUMN patient_id bigint;
