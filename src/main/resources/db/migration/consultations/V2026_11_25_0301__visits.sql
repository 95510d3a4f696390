-- Visits booked by the front desk. Patients and clinicians are referred to by ID; their tables
-- belong to the patients and identity modules.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE visit (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id    bigint NOT NULL,
    clinician_id  bigint NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('NEW', 'FOLLOW_UP', 'POST_PROCEDURE')),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at
                                              AND ends_at <= starts_at + interval '4 hours'),
    status        text NOT NULL CHECK (status IN ('BOOKED', 'ARRIVED', 'DONE', 'CANCELLED', 'NO_SHOW')),
    booked_by     bigint NOT NULL,
    booked_at     timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    -- A clinician is never in two visits at once. Cancelled visits and no-shows free the time.
    -- The application checks first and says so in words; this is the backstop against two desks
    -- booking the same slot at the same moment (decision 0030).
    CONSTRAINT visit_clinician_not_double_booked EXCLUDE USING gist (
        clinician_id WITH =,
        tstzrange(starts_at, ends_at) WITH &&
    ) WHERE (status IN ('BOOKED', 'ARRIVED', 'DONE'))
);
CREATE INDEX visit_day_idx ON visit (starts_at, clinician_id);
CREATE INDEX visit_patient_idx ON visit (patient_id, starts_at);
