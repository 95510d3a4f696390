-- Procedure rooms, session days, bookings and their readiness checklists. Patients and physicians
-- are referred to by ID; their tables belong to the patients and identity modules.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE procedure_room (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    imaging     text[]      NOT NULL DEFAULT '{}'
        CHECK (imaging <@ ARRAY['fluoroscopy', 'ultrasound', 'ct']::text[]),
    active      boolean     NOT NULL DEFAULT true,
    synthetic   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX procedure_room_name_idx ON procedure_room (lower(name));

-- A session day: one room, one physician, one stretch of time. Neither a room nor a physician has
-- two sessions at once.
CREATE TABLE procedure_session (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id       bigint      NOT NULL REFERENCES procedure_room (id),
    session_date  date        NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL
        CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '16 hours'),
    physician_id  bigint      NOT NULL,
    synthetic     boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    CONSTRAINT procedure_session_room_overlap EXCLUDE USING gist (
        room_id WITH =, tstzrange(starts_at, ends_at) WITH &&),
    CONSTRAINT procedure_session_physician_overlap EXCLUDE USING gist (
        physician_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX procedure_session_day_idx ON procedure_session (session_date, room_id);

-- A booked procedure. The two exclusion constraints are what keeps a room and a patient from being
-- booked twice at once, even when two people book the same slot at the same instant; cancelled
-- bookings free their time (docs/decisions/0040).
CREATE TABLE procedure_booking (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id          bigint      NOT NULL REFERENCES procedure_session (id),
    room_id             bigint      NOT NULL REFERENCES procedure_room (id),
    physician_id        bigint      NOT NULL,
    patient_id          bigint      NOT NULL,
    procedure_type      text        NOT NULL,
    levels              text[]      NOT NULL DEFAULT '{}',
    laterality          text        NOT NULL
        CHECK (laterality IN ('left', 'right', 'bilateral', 'midline', 'not-applicable')),
    sedation            boolean     NOT NULL,
    steroid             boolean     NOT NULL,
    high_bleeding_risk  boolean     NOT NULL DEFAULT false,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL CHECK (ends_at > starts_at),
    status              text        NOT NULL
        CHECK (status IN ('booked', 'in-progress', 'completed', 'cancelled')),
    booked_by           bigint      NOT NULL,
    booked_at           timestamptz NOT NULL,
    started_by          bigint,
    started_at          timestamptz,
    procedure_id        bigint,
    completed_at        timestamptz,
    cancelled_by        bigint,
    cancelled_at        timestamptz,
    cancel_reason       text,
    synthetic           boolean     NOT NULL DEFAULT false,
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CONSTRAINT procedure_booking_room_taken EXCLUDE USING gist (
        room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled'),
    CONSTRAINT procedure_booking_patient_taken EXCLUDE USING gist (
        patient_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX procedure_booking_session_idx ON procedure_booking (session_id, starts_at);
CREATE INDEX procedure_booking_patient_idx ON procedure_booking (patient_id, starts_at);
CREATE INDEX procedure_booking_physician_idx ON procedure_booking (physician_id, starts_at);

-- What was recorded on a booking's readiness checklist, appended and never changed: the latest entry
-- per item is its state, earlier ones are its history. Items with no entry are open unless Relief
-- works out that they do not apply.
CREATE TABLE procedure_readiness_entry (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id        bigint      NOT NULL REFERENCES procedure_booking (id),
    item              text        NOT NULL,
    state             text        NOT NULL
        CHECK (state IN ('done', 'not-applicable', 'overridden', 'reopened')),
    note              text,
    prescriber        text,
    discussed_on      date,
    plan_fingerprint  text,
    recorded_by       bigint      NOT NULL,
    recorded_at       timestamptz NOT NULL,
    CHECK (state NOT IN ('not-applicable', 'overridden') OR length(note) > 0)
);
CREATE INDEX procedure_readiness_booking_idx ON procedure_readiness_entry (booking_id, item, id);
