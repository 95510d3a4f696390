-- The identifier a pain score had in the system it was imported from (FHIR bulk import, decision
-- 0074), so that importing the same data again creates no duplicate. NULL for scores made in Relief.
ALTER TABLE questionnaire_response ADD COLUMN source_id text CHECK (length(source_id) <= 300);
CREATE UNIQUE INDEX questionnaire_response_source_uq ON questionnaire_response (source_id)
    WHERE source_id IS NOT NULL;
