-- Careers: applications to postings and the employer's pipeline, with every stage change and note.

CREATE TABLE job_application (
    id                  bigserial     PRIMARY KEY,
    job_id              bigint        NOT NULL REFERENCES job_posting (id),
    employer_id         bigint        NOT NULL REFERENCES employer (id),
    specialist_user_id  bigint        NOT NULL REFERENCES specialist_profile (user_id),
    stage               varchar(12)   NOT NULL CHECK (stage IN ('APPLIED', 'SCREENING', 'INTERVIEW',
                                          'SITE_VISIT', 'OFFER', 'ACCEPTED', 'DECLINED')),
    cover_note          varchar(2000) NOT NULL DEFAULT '',
    applied_at          timestamptz   NOT NULL,
    stage_changed_at    timestamptz   NOT NULL,
    UNIQUE (job_id, specialist_user_id)
);
CREATE INDEX job_application_employer ON job_application (employer_id, stage);
CREATE INDEX job_application_specialist ON job_application (specialist_user_id);

CREATE TABLE application_event (
    id              bigserial     PRIMARY KEY,
    application_id  bigint        NOT NULL REFERENCES job_application (id) ON DELETE CASCADE,
    kind            varchar(5)    NOT NULL CHECK (kind IN ('STAGE', 'NOTE')),
    stage           varchar(12)   NOT NULL,
    note            varchar(2000) NOT NULL DEFAULT '',
    by_user         bigint        NOT NULL,
    at              timestamptz   NOT NULL
);
CREATE INDEX application_event_application ON application_event (application_id, at);
