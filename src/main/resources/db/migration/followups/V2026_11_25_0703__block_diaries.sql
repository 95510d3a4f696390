-- The timed relief diary of a diagnostic block: % relief at baseline and 15, 30, 60, 120, 240 and
-- 360 minutes after it, from the patient's link or entered by staff from paper. The link's token is
-- stored as its SHA-256 digest only.
CREATE TABLE block_diary (
    id               bigserial   PRIMARY KEY,
    procedure_id     bigint      NOT NULL UNIQUE,
    patient_id       bigint      NOT NULL,
    procedure_type   text        NOT NULL,
    levels           text[]      NOT NULL DEFAULT '{}',
    laterality       text        NOT NULL,
    performed_on     date        NOT NULL,
    anaesthetic      text,
    link_digest      bytea       UNIQUE,
    link_expires_at  timestamptz,
    created_at       timestamptz NOT NULL
);

CREATE INDEX block_diary_patient_idx ON block_diary (patient_id, performed_on);

CREATE TABLE block_diary_entry (
    diary_id        bigint      NOT NULL REFERENCES block_diary (id),
    minutes         integer     NOT NULL CHECK (minutes IN (0, 15, 30, 60, 120, 240, 360)),
    relief_percent  integer     NOT NULL CHECK (relief_percent BETWEEN 0 AND 100),
    source          text        NOT NULL CHECK (source IN ('patient', 'paper')),
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (diary_id, minutes)
);
