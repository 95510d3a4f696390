-- Questionnaires sent to patients through a secure link, their answers as given, and the scored
-- results (also the demo history). Only the SHA-256 digest of a link's token is stored: the token
-- itself exists only in the link handed to the patient. Patients are referred to by ID; the patient
-- table belongs to the patients module.
CREATE TABLE questionnaire (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id    bigint NOT NULL,
    token_digest  bytea NOT NULL CHECK (length(token_digest) = 32),
    instruments   text[] NOT NULL CHECK (cardinality(instruments) BETWEEN 1 AND 13),
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    expires_at    timestamptz NOT NULL CHECK (expires_at > created_at),
    submitted_at  timestamptz
);
CREATE UNIQUE INDEX questionnaire_token_digest_uq ON questionnaire (token_digest);
CREATE INDEX questionnaire_patient_idx ON questionnaire (patient_id, created_at DESC);

-- One row per item answered; a NULL value is an item the patient chose to skip.
CREATE TABLE questionnaire_answer (
    questionnaire_id bigint NOT NULL REFERENCES questionnaire (id),
    instrument       text NOT NULL,
    item             text NOT NULL,
    value            int CHECK (value BETWEEN 0 AND 100),
    answered_at      timestamptz NOT NULL,
    PRIMARY KEY (questionnaire_id, instrument, item)
);

-- One scored instrument. questionnaire_id is NULL for results that did not come through a link
-- (the synthetic demo history).
CREATE TABLE questionnaire_response (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id         bigint NOT NULL,
    questionnaire_id   bigint REFERENCES questionnaire (id),
    instrument         text NOT NULL,
    instrument_version text NOT NULL,
    scored_at          timestamptz NOT NULL,
    score              double precision,
    band               text,
    subscores          jsonb NOT NULL DEFAULT '{}',
    flags              jsonb NOT NULL DEFAULT '[]',
    answered           int NOT NULL CHECK (answered >= 0),
    UNIQUE (questionnaire_id, instrument)
);
CREATE INDEX questionnaire_response_patient_idx
    ON questionnaire_response (patient_id, instrument, scored_at);
