-- Versions of a scored result as the FHIR Observation it is served as (decision 0077). The row in
-- questionnaire_response is the current version; every row existing before this migration is
-- version 1 with status final. updated_at is NULL until the first correction (lastUpdated is then
-- scored_at, as before).
ALTER TABLE questionnaire_response
    ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN status text NOT NULL DEFAULT 'final'
        CHECK (status IN ('final', 'amended', 'corrected')),
    ADD COLUMN updated_at timestamptz;

-- Each version replaced by a correction, as it was served. recorded_at is its lastUpdated.
CREATE TABLE questionnaire_response_version (
    response_id bigint NOT NULL REFERENCES questionnaire_response (id),
    version     int NOT NULL CHECK (version >= 1),
    status      text NOT NULL,
    scored_at   timestamptz NOT NULL,
    score       double precision,
    band        text,
    subscores   jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (response_id, version)
);
