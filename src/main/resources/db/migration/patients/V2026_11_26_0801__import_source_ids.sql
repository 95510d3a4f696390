-- The identifier a row had in the system it was imported from (FHIR bulk import, decision 0074):
-- the resource's first identifier (system|value) or else its Bundle fullUrl / Type/id. Importing
-- the same data again finds the row by it and creates no duplicate. NULL for rows entered in Relief.
ALTER TABLE patient_condition ADD COLUMN source_id text CHECK (length(source_id) <= 300);
CREATE UNIQUE INDEX patient_condition_source_uq ON patient_condition (source_id) WHERE source_id IS NOT NULL;
ALTER TABLE patient_medication ADD COLUMN source_id text CHECK (length(source_id) <= 300);
CREATE UNIQUE INDEX patient_medication_source_uq ON patient_medication (source_id) WHERE source_id IS NOT NULL;
