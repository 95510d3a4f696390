-- Careers: a specialist's profile and credential wallet (careers.md, "Specialist profile").
-- One profile per account; accounts live in identity and are referred to by ID only.

CREATE TABLE specialist_profile (
    user_id                bigint       PRIMARY KEY,
    npi                    char(10),
    taxonomy_code          varchar(10),
    home_state             char(2),
    fellowship             varchar(200) NOT NULL DEFAULT '',
    fellowship_year        smallint     CHECK (fellowship_year BETWEEN 1950 AND 2100),
    caqh_attested_on       date,
    -- Private preferences: read by the specialist and by matching only, never shown to employers.
    pref_states            char(2)[]    NOT NULL DEFAULT '{}',
    pref_min_compensation  integer      CHECK (pref_min_compensation >= 0),
    pref_max_call_nights   smallint     CHECK (pref_max_call_nights BETWEEN 0 AND 31),
    pref_settings          varchar(30)[] NOT NULL DEFAULT '{}',
    allow_contact          boolean      NOT NULL DEFAULT false,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL
);
CREATE UNIQUE INDEX specialist_profile_npi ON specialist_profile (npi) WHERE npi IS NOT NULL;

CREATE TABLE specialist_licence (
    id           bigserial    PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    state        char(2)      NOT NULL,
    number       varchar(40)  NOT NULL,
    status       varchar(12)  NOT NULL CHECK (status IN ('ACTIVE', 'PENDING', 'INACTIVE',
                                                       'RESTRICTED', 'EXPIRED')),
    expires_on   date,
    verified_by  varchar(160) NOT NULL DEFAULT '',
    verified_at  date,
    source       varchar(160) NOT NULL DEFAULT ''
);
CREATE INDEX specialist_licence_user ON specialist_licence (user_id);

-- DEA registrations and state controlled-substance registrations, each for one state.
CREATE TABLE specialist_registration (
    id           bigserial    PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    kind         varchar(10)  NOT NULL CHECK (kind IN ('DEA', 'STATE_CS')),
    state        char(2)      NOT NULL,
    number       varchar(40)  NOT NULL,
    expires_on   date,
    verified_by  varchar(160) NOT NULL DEFAULT '',
    verified_at  date
);
CREATE INDEX specialist_registration_user ON specialist_registration (user_id);

CREATE TABLE specialist_board (
    id            bigserial    PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    board         varchar(10)  NOT NULL,
    specialty     varchar(120) NOT NULL,
    certified_on  date,
    expires_on    date,
    moc_due_on    date
);
CREATE INDEX specialist_board_user ON specialist_board (user_id);

CREATE TABLE specialist_cme (
    id         bigserial     PRIMARY KEY,
    user_id    bigint        NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    category   varchar(30)   NOT NULL,
    state      char(2),
    credits    numeric(5, 2) NOT NULL CHECK (credits > 0),
    earned_on  date          NOT NULL,
    activity   varchar(200)  NOT NULL DEFAULT ''
);
CREATE INDEX specialist_cme_user ON specialist_cme (user_id);

-- What a licensing board asks for in one cycle: credits of a category earned between two dates.
CREATE TABLE specialist_cme_requirement (
    id            bigserial     PRIMARY KEY,
    user_id       bigint        NOT NULL REFERENCES specialist_profile (user_id) ON DELETE CASCADE,
    state         char(2)       NOT NULL,
    category      varchar(30)   NOT NULL,
    credits       numeric(5, 2) NOT NULL CHECK (credits > 0),
    period_start  date          NOT NULL,
    due_on        date          NOT NULL,
    CHECK (period_start <= due_on)
);
CREATE INDEX specialist_cme_requirement_user ON specialist_cme_requirement (user_id);
