-- The follow-ups of performed procedures: one row per procedure and time point, made from the plan
-- version in force on the procedure date (plan_id) with its point copied, so editing a plan changes
-- no schedule already made. Patients, procedures and physicians are referred to by ID.
CREATE TABLE follow_up (
    id                 bigserial   PRIMARY KEY,
    procedure_id       bigint      NOT NULL,
    patient_id         bigint      NOT NULL,
    physician_user_id  bigint      NOT NULL,
    procedure_type     text        NOT NULL,
    plan_id            bigint      NOT NULL REFERENCES follow_up_plan (id),
    timepoint          text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('call', 'questionnaire')),
    instruments        text        NOT NULL DEFAULT '',
    due_on             date        NOT NULL,
    window_days        integer     NOT NULL,
    status             text        NOT NULL
        CHECK (status IN ('scheduled', 'sent', 'answered', 'called', 'missed')),
    link_digest        bytea       UNIQUE,
    link_sent_at       timestamptz,
    questionnaire_ids  bigint[]    NOT NULL DEFAULT '{}',
    response_ids       bigint[]    NOT NULL DEFAULT '{}',
    answered_on        date,
    red_flags          text[]      NOT NULL DEFAULT '{}',
    red_flags_at       timestamptz,
    call_attempts      integer     NOT NULL DEFAULT 0,
    handled_at         timestamptz,
    created_at         timestamptz NOT NULL,
    UNIQUE (procedure_id, timepoint)
);

CREATE INDEX follow_up_open_idx ON follow_up (status, due_on);
CREATE INDEX follow_up_patient_idx ON follow_up (patient_id);
CREATE INDEX follow_up_questionnaires_idx ON follow_up USING gin (questionnaire_ids);

-- Each call a nurse documents: reached, no answer, or escalated to the physician.
CREATE TABLE follow_up_call (
    id            bigserial   PRIMARY KEY,
    follow_up_id  bigint      NOT NULL REFERENCES follow_up (id),
    outcome       text        NOT NULL CHECK (outcome IN ('reached', 'no-answer', 'escalated')),
    red_flags     text[]      NOT NULL DEFAULT '{}',
    called_by     text        NOT NULL,
    called_at     timestamptz NOT NULL
);

CREATE INDEX follow_up_call_follow_up_idx ON follow_up_call (follow_up_id);

-- A follow-up escalated to the physician who performed the procedure, open until they close it.
CREATE TABLE follow_up_escalation (
    id                 bigserial   PRIMARY KEY,
    follow_up_id       bigint      NOT NULL REFERENCES follow_up (id),
    patient_id         bigint      NOT NULL,
    procedure_id       bigint      NOT NULL,
    physician_user_id  bigint      NOT NULL,
    red_flags          text[]      NOT NULL DEFAULT '{}',
    raised_by          text        NOT NULL,
    raised_at          timestamptz NOT NULL,
    closed_by          text,
    closed_at          timestamptz
);

CREATE INDEX follow_up_escalation_open_idx ON follow_up_escalation (physician_user_id)
    WHERE closed_at IS NULL;

-- Messages to patients waiting for (or handed to) a sending channel. The text carries a link and
-- no health information; the address is looked up by the channel that sends it.
CREATE TABLE outbox_message (
    id          bigserial   PRIMARY KEY,
    patient_id  bigint      NOT NULL,
    purpose     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX outbox_message_created_idx ON outbox_message (created_at DESC);
