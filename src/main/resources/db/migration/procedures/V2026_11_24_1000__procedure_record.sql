-- Procedures as performed: one row per procedure done for a patient, whether it was booked in Relief
-- or entered afterwards from another record. Patients and operators are referred to by ID; their
-- tables belong to the patients and identity modules.
CREATE TABLE procedure_record (
    id                bigserial PRIMARY KEY,
    patient_id        bigint      NOT NULL,
    procedure_type    text        NOT NULL,
    booking_id        bigint,
    performed_on      date        NOT NULL,
    operator_user_id  bigint      NOT NULL,
    levels            text[]      NOT NULL DEFAULT '{}',
    laterality        text        NOT NULL
        CHECK (laterality IN ('left', 'right', 'bilateral', 'midline', 'not-applicable')),
    pre_nrs           smallint    CHECK (pre_nrs BETWEEN 0 AND 10),
    post_nrs          smallint    CHECK (post_nrs BETWEEN 0 AND 10),
    status            text        NOT NULL CHECK (status IN ('draft', 'completed')),
    completed_at      timestamptz,
    synthetic         boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0,
    CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);

CREATE INDEX procedure_record_patient_idx ON procedure_record (patient_id, performed_on);
CREATE INDEX procedure_record_operator_idx ON procedure_record (operator_user_id, performed_on);
CREATE UNIQUE INDEX procedure_record_booking_idx ON procedure_record (booking_id)
    WHERE booking_id IS NOT NULL;
