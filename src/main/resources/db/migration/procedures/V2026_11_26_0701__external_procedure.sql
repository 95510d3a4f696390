-- Procedures done elsewhere, as another system reported them (a FHIR Procedure, e.g. from a Synthea
-- import). They are the patient's history, shown on the chart as "procedures recorded elsewhere",
-- and never count as this practice's own work (case logs, follow-ups, steroid exposure).
-- IDs come from procedure_record's sequence, so a FHIR Procedure ID names one row of either table.
CREATE TABLE external_procedure (
    id               bigint      PRIMARY KEY DEFAULT nextval('procedure_record_id_seq'),
    patient_id       bigint      NOT NULL,
    code_system      text        NOT NULL,
    code             text        NOT NULL,
    display          text        NOT NULL,
    status           text        NOT NULL
        CHECK (status IN ('preparation', 'in-progress', 'not-done', 'on-hold', 'stopped',
                          'completed', 'unknown')),
    performed_start  timestamptz,
    performed_end    timestamptz,
    recorded_at      timestamptz NOT NULL,
    CHECK (performed_end IS NULL OR performed_start IS NULL OR performed_end >= performed_start)
);

CREATE INDEX external_procedure_patient_idx ON external_procedure (patient_id, performed_start);
