-- Diagnoses (ICD-10-CM codes of the curated pain subset, clinical-rules.md §5b) and the patient's
-- medication list. Codes are checked against the catalogue in the application; the table keeps
-- only their shape so that a code confirmed later needs no migration.
CREATE TABLE patient_condition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id  bigint NOT NULL REFERENCES patient (id),
    icd10_code  text NOT NULL CHECK (icd10_code ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$'),
    rank        text NOT NULL CHECK (rank IN ('PRIMARY', 'SECONDARY')),
    status      text NOT NULL CHECK (status IN ('ACTIVE', 'RESOLVED', 'RULED_OUT')),
    onset_date  date,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX patient_condition_patient_idx ON patient_condition (patient_id, id);
-- At most one active primary diagnosis per patient; the application says so first, this is the
-- backstop against two requests at once.
CREATE UNIQUE INDEX patient_condition_one_active_primary_uq ON patient_condition (patient_id)
    WHERE rank = 'PRIMARY' AND status = 'ACTIVE';

CREATE TABLE patient_medication (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id      bigint NOT NULL REFERENCES patient (id),
    drug            text NOT NULL CHECK (drug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(drug) <= 80),
    dose            numeric(12, 3) NOT NULL CHECK (dose > 0),
    unit            text NOT NULL CHECK (unit IN ('mg', 'mcg', 'g', 'mcg/h', 'units', 'mL')),
    frequency       text NOT NULL CHECK (frequency IN ('TIMES_PER_DAY', 'EVERY_HOURS', 'AS_NEEDED', 'CONTINUOUS')),
    frequency_count int CHECK (frequency_count BETWEEN 1 AND 24),
    start_date      date NOT NULL,
    stop_date       date,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK (stop_date IS NULL OR stop_date >= start_date),
    CHECK ((frequency = 'CONTINUOUS') = (frequency_count IS NULL))
);
CREATE INDEX patient_medication_patient_idx ON patient_medication (patient_id, id);
