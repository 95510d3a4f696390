-- The patient registry. Names are searched through a trigram index so that any part of a name
-- finds the patient quickly at 100,000 patients and more (bench/RESULTS.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE patient (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mrn                text NOT NULL CHECK (mrn ~ '^[A-Za-z0-9-]{1,20}$'),
    family_name        text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    given_name         text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    birth_date         date NOT NULL,
    sex                text NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    phone              text CHECK (length(phone) <= 30),
    email              text CHECK (length(email) <= 254),
    preferred_language text NOT NULL DEFAULT 'en' CHECK (length(preferred_language) BETWEEN 2 AND 35),
    synthetic          boolean NOT NULL DEFAULT false,
    version            int NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    search_name        text GENERATED ALWAYS AS (lower(family_name || ' ' || given_name)) STORED
);
CREATE UNIQUE INDEX patient_mrn_uq ON patient (upper(mrn));
CREATE INDEX patient_birth_date_idx ON patient (birth_date);
CREATE INDEX patient_search_name_trgm_idx ON patient USING gin (search_name gin_trgm_ops);
CREATE INDEX patient_name_order_idx ON patient (family_name, given_name, id);
