-- The outcomes module's read model, kept by listeners on ProcedurePerformed and the follow-up events
-- (docs/decisions/0045-outcomes-read-model.md). Other modules' rows are referred to by ID only, with
-- no foreign keys: events may arrive in any order and this model is rebuilt from them.

-- One row per performed procedure, with what analytics group by as it was when it was performed.
CREATE TABLE outcome_episode (
    procedure_id          bigint PRIMARY KEY,
    patient_id            bigint NOT NULL,
    procedure_type        text NOT NULL,
    levels                text[] NOT NULL,
    level_set             text NOT NULL,
    laterality            text NOT NULL,
    operator_user_id      bigint NOT NULL,
    diagnosis_code        text,
    diagnosis_description text,
    performed_on          date NOT NULL,
    baseline_nrs          numeric(3, 1) CHECK (baseline_nrs BETWEEN 0 AND 10),
    baseline_odi          numeric(4, 1) CHECK (baseline_odi BETWEEN 0 AND 100),
    baseline_ndi          numeric(4, 1) CHECK (baseline_ndi BETWEEN 0 AND 100),
    synthetic             boolean NOT NULL,
    recorded_at           timestamptz NOT NULL
);
CREATE INDEX outcome_episode_patient_idx ON outcome_episode (patient_id, performed_on);

-- One row per episode and follow-up time point (the follow-ups module schedules each once; keying
-- by the pair also merges a re-sent schedule of the same point instead of counting it twice). The
-- episode's grouping columns are copied in so that the analytics read one table through one
-- covering index; the responder flags are computed by the
-- database from the stored numbers, never written by hand (clinical-rules.md §3.15).
CREATE TABLE outcome_measure (
    procedure_id      bigint NOT NULL,
    timepoint         text NOT NULL,
    follow_up_id      bigint NOT NULL,
    patient_id        bigint NOT NULL,
    timepoint_days    integer NOT NULL,
    status            text NOT NULL CHECK (status IN ('DUE', 'ANSWERED', 'MISSED')),
    due_on            date,
    answered_on       date,
    nrs               numeric(3, 1) CHECK (nrs BETWEEN 0 AND 10),
    odi               numeric(4, 1) CHECK (odi BETWEEN 0 AND 100),
    ndi               numeric(4, 1) CHECK (ndi BETWEEN 0 AND 100),
    pgic              smallint CHECK (pgic BETWEEN 1 AND 7),
    pgic_responder    boolean,
    procedure_type    text,
    level_set         text,
    operator_user_id  bigint,
    diagnosis_code    text,
    performed_on      date,
    baseline_nrs      numeric(3, 1),
    -- clinical-rules.md §3.15: reduction of pain NRS against the pre-procedure baseline; only an
    -- answered NRS against a baseline above 0 can be judged (NULL otherwise).
    responder30       boolean GENERATED ALWAYS AS (
        CASE WHEN status = 'ANSWERED' AND nrs IS NOT NULL AND baseline_nrs > 0
             THEN (baseline_nrs - nrs) * 100 >= 30 * baseline_nrs END) STORED,
    responder50       boolean GENERATED ALWAYS AS (
        CASE WHEN status = 'ANSWERED' AND nrs IS NOT NULL AND baseline_nrs > 0
             THEN (baseline_nrs - nrs) * 100 >= 50 * baseline_nrs END) STORED,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (procedure_id, timepoint)
);
-- The practice analytics: one time point, a period of procedure dates, grouped every way.
CREATE INDEX outcome_measure_analytics_idx ON outcome_measure (timepoint, performed_on)
    INCLUDE (procedure_type, level_set, operator_user_id, diagnosis_code, status, due_on,
             responder30, responder50);
-- The responders API: one procedure type at one time point.
CREATE INDEX outcome_measure_responders_idx ON outcome_measure (procedure_type, timepoint, performed_on)
    INCLUDE (status, due_on, responder30, responder50);

-- The wording of the diagnosis codes episodes were grouped by, for the analytics' labels.
CREATE TABLE outcome_diagnosis (
    code        text PRIMARY KEY,
    description text NOT NULL
);
