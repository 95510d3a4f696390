-- Careers: consent-gated outreach (careers.md, "consent-gated outreach"). A recruiter writes to one
-- specialist about one of their organisation's open postings; Relief stores, with the message, the
-- explained match it attached ("why you were matched") as it stood when the message was sent.
-- Accounts live in identity and are referred to by ID only.

CREATE TABLE outreach_message (
    id                  bigserial     PRIMARY KEY,
    job_id              bigint        NOT NULL REFERENCES job_posting (id),
    employer_id         bigint        NOT NULL REFERENCES employer (id),
    recruiter_user_id   bigint        NOT NULL,
    specialist_user_id  bigint        NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    body                varchar(2000) NOT NULL CHECK (length(body) > 0),
    sent_at             timestamptz   NOT NULL,
    answer              varchar(14)   CHECK (answer IN ('INTERESTED', 'NOT_INTERESTED')),
    answer_note         varchar(500)  NOT NULL DEFAULT '',
    answered_at         timestamptz,
    -- One message per posting and specialist: no follow-up chasing.
    UNIQUE (job_id, specialist_user_id)
);
CREATE INDEX outreach_message_specialist ON outreach_message (specialist_user_id, sent_at DESC);
CREATE INDEX outreach_message_recruiter ON outreach_message (recruiter_user_id, sent_at);

-- The "why you were matched" lines, in order: summary, requirement checks, licence paths,
-- compensation parts and which of the specialist's own criteria the job meets.
CREATE TABLE outreach_reason_line (
    message_id  bigint        NOT NULL REFERENCES outreach_message (id) ON DELETE CASCADE,
    position    smallint      NOT NULL,
    section     varchar(12)   NOT NULL CHECK (section IN ('SUMMARY', 'REQUIREMENT', 'LICENCE',
                                                        'PAY', 'CRITERIA')),
    label       varchar(300)  NOT NULL,
    met         boolean,
    detail      varchar(1500) NOT NULL DEFAULT '',
    PRIMARY KEY (message_id, position)
);

-- Organisations a specialist has blocked: their recruiters no longer see or reach them.
CREATE TABLE outreach_block (
    specialist_user_id  bigint      NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    employer_id         bigint      NOT NULL REFERENCES employer (id),
    blocked_at          timestamptz NOT NULL,
    PRIMARY KEY (specialist_user_id, employer_id)
);
