-- The structured procedure note: what was done, how, with what, and how it went. A note starts as
-- a draft and is locked once completed (procedure_record.status).
ALTER TABLE procedure_record
    ADD COLUMN operator_role         text NOT NULL DEFAULT 'primary'
        CHECK (operator_role IN ('primary', 'supervised')),
    ADD COLUMN supervisor_user_id    bigint,
    ADD COLUMN approach              text,
    ADD COLUMN imaging               text CHECK (imaging IN ('FLUOROSCOPY', 'ULTRASOUND', 'CT', 'NONE')),
    ADD COLUMN fluoro_seconds        numeric(7, 1) CHECK (fluoro_seconds >= 0),
    ADD COLUMN fluoro_dose_mgy       numeric(9, 2) CHECK (fluoro_dose_mgy >= 0),
    ADD COLUMN contrast_agent        text,
    ADD COLUMN contrast_ml           numeric(5, 1) CHECK (contrast_ml >= 0),
    ADD COLUMN rf_mode               text CHECK (rf_mode IN ('conventional', 'cooled', 'pulsed')),
    ADD COLUMN rf_temperature_c      smallint CHECK (rf_temperature_c BETWEEN 37 AND 95),
    ADD COLUMN rf_seconds            integer CHECK (rf_seconds BETWEEN 1 AND 1800),
    ADD COLUMN rf_lesions            smallint CHECK (rf_lesions BETWEEN 1 AND 60),
    ADD COLUMN device_manufacturer   text,
    ADD COLUMN device_model          text,
    ADD COLUMN lead_count            smallint CHECK (lead_count BETWEEN 0 AND 4),
    ADD COLUMN lead_model            text,
    ADD COLUMN generator_model       text,
    ADD COLUMN generator_serial      text,
    ADD COLUMN muscles_injected      smallint CHECK (muscles_injected BETWEEN 0 AND 20),
    ADD COLUMN sedation              text CHECK (sedation IN ('NONE', 'MINIMAL', 'MODERATE', 'DEEP', 'GENERAL')),
    ADD COLUMN sedation_drugs        text,
    ADD COLUMN complications         text[] NOT NULL DEFAULT '{}',
    ADD COLUMN complication_note     text,
    ADD COLUMN note                  text,
    ADD COLUMN updated_at            timestamptz;

CREATE INDEX procedure_record_drafts_idx ON procedure_record (patient_id) WHERE status = 'draft';

-- What was injected, in the order given. dose_mg is NULL for what is measured by volume only.
CREATE TABLE procedure_injectate (
    record_id  bigint        NOT NULL REFERENCES procedure_record (id) ON DELETE CASCADE,
    position   smallint      NOT NULL CHECK (position BETWEEN 1 AND 10),
    drug       text          NOT NULL,
    dose_mg    numeric(8, 2) CHECK (dose_mg > 0),
    volume_ml  numeric(6, 2) CHECK (volume_ml > 0),
    PRIMARY KEY (record_id, position),
    CHECK (dose_mg IS NOT NULL OR volume_ml IS NOT NULL)
);
