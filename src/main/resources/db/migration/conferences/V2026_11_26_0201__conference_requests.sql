-- A case conference asked for in a signed consultation (a treatment-plan item of kind case
-- conference), awaiting a conference until a clinician places it on one. One row per plan item, so
-- the same request delivered twice is one request. Plan items, visits, patients and users are
-- referred to by ID only (owned by consultations, patients and identity).
CREATE TABLE conference_request (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_item_id bigint NOT NULL UNIQUE,
    visit_id     bigint NOT NULL,
    patient_id   bigint NOT NULL,
    question     text NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
    requested_by bigint NOT NULL,
    requested_at timestamptz NOT NULL,
    case_id      bigint REFERENCES conference_case (id) ON DELETE SET NULL,
    placed_at    timestamptz
);
CREATE INDEX conference_request_awaiting_idx ON conference_request (requested_at) WHERE case_id IS NULL;
CREATE INDEX conference_request_patient_idx ON conference_request (patient_id);
