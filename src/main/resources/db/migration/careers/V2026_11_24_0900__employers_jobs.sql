-- Careers: employer organisations, their recruiters and their job postings (careers.md, "Job").
-- Users live in identity; recruiter membership refers to them by ID only (no cross-module key).

CREATE TABLE employer (
    id          bigserial PRIMARY KEY,
    name        varchar(160) NOT NULL,
    type        varchar(30)  NOT NULL CHECK (type IN ('HEALTH_SYSTEM', 'HOSPITAL', 'PAIN_CLINIC',
                                                  'ACADEMIC_DEPARTMENT', 'ASC', 'GROUP')),
    synthetic   boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX employer_name_unique ON employer (lower(name));

-- A recruiter works for one organisation at a time.
CREATE TABLE employer_recruiter (
    user_id     bigint      PRIMARY KEY,
    employer_id bigint      NOT NULL REFERENCES employer (id),
    added_at    timestamptz NOT NULL
);
CREATE INDEX employer_recruiter_employer ON employer_recruiter (employer_id);

CREATE TABLE job_posting (
    id                       bigserial PRIMARY KEY,
    employer_id              bigint       NOT NULL REFERENCES employer (id),
    title                    varchar(160) NOT NULL,
    summary                  varchar(4000) NOT NULL DEFAULT '',
    taxonomy_code            varchar(10)  NOT NULL,
    practice_setting         varchar(30)  NOT NULL CHECK (practice_setting IN ('ACADEMIC',
                                 'HOSPITAL_EMPLOYED', 'PRIVATE_EQUITY_GROUP', 'INDEPENDENT_PRACTICE', 'ASC')),
    employment_model         varchar(30)  NOT NULL CHECK (employment_model IN ('EMPLOYED',
                                 'PARTNERSHIP_TRACK', 'INDEPENDENT_CONTRACTOR', 'LOCUM_TENENS')),
    licence_states           char(2)[]    NOT NULL DEFAULT '{}',
    imlc_accepted            boolean      NOT NULL DEFAULT false,
    accepted_boards          varchar(10)[] NOT NULL DEFAULT '{}',
    procedure_days_per_week  numeric(2, 1) CHECK (procedure_days_per_week BETWEEN 0 AND 7),
    clinic_days_per_week     numeric(2, 1) CHECK (clinic_days_per_week BETWEEN 0 AND 7),
    call_nights_per_month    smallint      CHECK (call_nights_per_month BETWEEN 0 AND 31),
    call_notes               varchar(300)  NOT NULL DEFAULT '',
    facility_assets          varchar(30)[] NOT NULL DEFAULT '{}',
    app_support              varchar(300)  NOT NULL DEFAULT '',
    -- Compensation parts, US dollars; each may be left out, none is summed here.
    base_min                 integer       CHECK (base_min >= 0),
    base_max                 integer       CHECK (base_max >= 0),
    wrvu_rate                numeric(7, 2) CHECK (wrvu_rate >= 0),
    wrvu_threshold           integer       CHECK (wrvu_threshold >= 0),
    bonus                    varchar(300)  NOT NULL DEFAULT '',
    call_pay                 varchar(300)  NOT NULL DEFAULT '',
    sign_on                  integer       CHECK (sign_on >= 0),
    relocation               integer       CHECK (relocation >= 0),
    loan_repayment           integer       CHECK (loan_repayment >= 0),
    partnership_track        varchar(300)  NOT NULL DEFAULT '',
    non_compete              varchar(300)  NOT NULL DEFAULT '',
    visa_sponsorship         boolean       NOT NULL DEFAULT false,
    start_window             varchar(120)  NOT NULL DEFAULT '',
    hiring_via               varchar(10)   NOT NULL CHECK (hiring_via IN ('DIRECT', 'AGENCY')),
    valid_through            date          NOT NULL,
    status                   varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    published_at             timestamptz,
    closed_at                timestamptz,
    synthetic                boolean       NOT NULL DEFAULT false,
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL,
    CHECK (base_min IS NULL OR base_max IS NULL OR base_min <= base_max)
);
CREATE INDEX job_posting_employer ON job_posting (employer_id);
CREATE INDEX job_posting_public ON job_posting (status, valid_through);

CREATE TABLE job_site (
    job_id    bigint       NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
    position  smallint     NOT NULL,
    name      varchar(160) NOT NULL DEFAULT '',
    city      varchar(80)  NOT NULL,
    state     char(2)      NOT NULL,
    PRIMARY KEY (job_id, position)
);
CREATE INDEX job_site_state ON job_site (state);

CREATE TABLE job_procedure (
    job_id             bigint      NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
    procedure          varchar(40) NOT NULL,
    requirement        varchar(8)  NOT NULL CHECK (requirement IN ('REQUIRED', 'DESIRED')),
    min_recent_volume  integer     CHECK (min_recent_volume >= 0),
    PRIMARY KEY (job_id, procedure)
);
CREATE INDEX job_procedure_lookup ON job_procedure (procedure, requirement);
