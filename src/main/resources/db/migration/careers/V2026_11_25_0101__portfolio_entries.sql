-- Careers: the case-log portfolio, counts only (careers.md: procedure family x guidance x role x
-- period). No patient, procedure-record or date finer than a month is stored here.

CREATE TABLE portfolio_entry (
    id                bigserial    PRIMARY KEY,
    user_id           bigint       NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    procedure_family  varchar(40)  NOT NULL,
    guidance          varchar(14)  NOT NULL CHECK (guidance IN ('FLUOROSCOPY', 'ULTRASOUND', 'CT',
                                                              'LANDMARK', 'NOT_RECORDED')),
    case_role         varchar(12)  NOT NULL CHECK (case_role IN ('PRIMARY', 'SUPERVISED',
                                                               'SUPERVISING')),
    month             date         NOT NULL CHECK (extract(day FROM month) = 1),
    cases             integer      NOT NULL CHECK (cases BETWEEN 1 AND 10000),
    source            varchar(14)  NOT NULL CHECK (source IN ('SELF_REPORTED', 'VERIFIED')),
    note              varchar(200) NOT NULL DEFAULT '',
    -- For verified counts: the attested practice link, who attested (an account ID) and when.
    practice_link_id  bigint,
    attested_by       bigint,
    attested_at       timestamptz,
    created_at        timestamptz  NOT NULL,
    CHECK (source = 'SELF_REPORTED' OR (practice_link_id IS NOT NULL AND attested_by IS NOT NULL
                                         AND attested_at IS NOT NULL))
);
CREATE INDEX portfolio_entry_user_month ON portfolio_entry (user_id, month);
