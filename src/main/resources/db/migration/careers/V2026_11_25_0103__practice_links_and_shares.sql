-- Careers: a specialist's link to the practice account they perform procedures under (attested by
-- the practice's administrator), and time-limited share links to a portfolio (token digest only).

CREATE TABLE practice_link (
    id                  bigserial   PRIMARY KEY,
    specialist_user_id  bigint      NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    practice_user_id    bigint      NOT NULL,
    status              varchar(10) NOT NULL CHECK (status IN ('REQUESTED', 'ATTESTED', 'REFUSED')),
    requested_at        timestamptz NOT NULL,
    decided_by          bigint,
    decided_at          timestamptz,
    UNIQUE (specialist_user_id, practice_user_id)
);
CREATE INDEX practice_link_status ON practice_link (status);

ALTER TABLE portfolio_entry
    ADD CONSTRAINT portfolio_entry_link FOREIGN KEY (practice_link_id) REFERENCES practice_link (id);

CREATE TABLE portfolio_share (
    id            bigserial   PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    token_digest  bytea       NOT NULL UNIQUE,
    period_from   date        NOT NULL,
    period_to     date        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    CHECK (period_from <= period_to)
);
CREATE INDEX portfolio_share_user ON portfolio_share (user_id);
