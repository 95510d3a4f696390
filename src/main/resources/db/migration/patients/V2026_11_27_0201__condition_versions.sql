-- Versions of a diagnosis, for FHIR Condition vread and history (decision 0078). The current
-- version stays in patient_condition (column version, 1 for every existing row); each change first
-- copies the row as it was into patient_condition_version (same transaction, row locked), then
-- writes the new values with version + 1. recorded_at is the prior version's updated_at.
ALTER TABLE patient_condition ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE TABLE patient_condition_version (
    condition_id bigint NOT NULL REFERENCES patient_condition (id),
    version      int NOT NULL,
    patient_id   bigint NOT NULL REFERENCES patient (id),
    icd10_code   text NOT NULL,
    rank         text NOT NULL,
    status       text NOT NULL,
    onset_date   date,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (condition_id, version)
);
