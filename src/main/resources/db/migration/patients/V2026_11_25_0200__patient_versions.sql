-- Every version of a patient's registry details, for FHIR vread and history. A row is written with
-- each insert and update of the patient row (same transaction); version is the row's optimistic-lock
-- version at that point (FHIR versionId = version + 1). Patients registered before this table
-- existed get their current version as their first.
CREATE TABLE patient_version (
    patient_id         bigint NOT NULL REFERENCES patient (id),
    version            int NOT NULL,
    mrn                text NOT NULL,
    family_name        text NOT NULL,
    given_name         text NOT NULL,
    birth_date         date NOT NULL,
    sex                text NOT NULL,
    phone              text,
    email              text,
    preferred_language text NOT NULL,
    synthetic          boolean NOT NULL,
    recorded_at        timestamptz NOT NULL,
    PRIMARY KEY (patient_id, version)
);

INSERT INTO patient_version (patient_id, version, mrn, family_name, given_name, birth_date, sex, phone,
                             email, preferred_language, synthetic, recorded_at)
SELECT id, version, mrn, family_name, given_name, birth_date, sex, phone, email, preferred_language,
       synthetic, updated_at
FROM patient;
