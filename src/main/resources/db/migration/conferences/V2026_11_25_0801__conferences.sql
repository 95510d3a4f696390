-- Spine-surgeon case conferences. Patients and users are referred to by ID (owned by the patients
-- and identity modules); visit_id refers to a consultation, when one exists, by ID only.
CREATE TABLE case_conference (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    starts_at  timestamptz NOT NULL,
    created_by bigint NOT NULL,
    created_at timestamptz NOT NULL,
    synthetic  boolean NOT NULL DEFAULT false
);
CREATE INDEX case_conference_starts_idx ON case_conference (starts_at);

CREATE TABLE conference_attendee (
    conference_id bigint NOT NULL REFERENCES case_conference (id) ON DELETE CASCADE,
    user_id       bigint NOT NULL,
    present       boolean,
    PRIMARY KEY (conference_id, user_id)
);
CREATE INDEX conference_attendee_user_idx ON conference_attendee (user_id);

-- A nominated case: the question, what the packet cannot find elsewhere (imaging report text,
-- conservative care completed) and, once discussed, the structured recommendation.
CREATE TABLE conference_case (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conference_id      bigint NOT NULL REFERENCES case_conference (id) ON DELETE CASCADE,
    patient_id         bigint NOT NULL,
    visit_id           bigint,
    question           text NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
    imaging_report     text CHECK (length(imaging_report) <= 4000),
    pt_weeks           int CHECK (pt_weeks BETWEEN 0 AND 520),
    medications_tried  text CHECK (length(medications_tried) <= 1000),
    nominated_by       bigint NOT NULL,
    nominated_at       timestamptz NOT NULL,
    discussion         text CHECK (length(discussion) <= 4000),
    recommendation     text CHECK (recommendation IN ('SURGERY', 'INTERVENTIONAL', 'CONSERVATIVE', 'WORK_UP')),
    recommended_detail text CHECK (length(recommended_detail) <= 300),
    rationale          text CHECK (length(rationale) <= 2000),
    recorded_by        bigint,
    recorded_at        timestamptz,
    UNIQUE (conference_id, patient_id)
);
CREATE INDEX conference_case_patient_idx ON conference_case (patient_id);

-- Dissent is recorded by name: the attendee who disagrees and why.
CREATE TABLE conference_dissent (
    case_id     bigint NOT NULL REFERENCES conference_case (id) ON DELETE CASCADE,
    user_id     bigint NOT NULL,
    note        text NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, user_id)
);

CREATE TABLE conference_action (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES conference_case (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('REFERRAL', 'ORDER', 'TASK')),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
    owner_id    bigint NOT NULL,
    status      text NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX conference_action_case_idx ON conference_action (case_id);
