-- Pain history and the coded body map, one of each per patient. Codes, not free text or pixels:
-- the body map stores region codes from the catalogue in org.relief.patients.bodymap.BodyRegions.
CREATE TABLE pain_history (
    patient_id        bigint PRIMARY KEY REFERENCES patient (id),
    onset_date        date,
    onset_precision   text CHECK (onset_precision IN ('DAY', 'MONTH', 'YEAR')),
    mechanism         text CHECK (mechanism IN ('INJURY', 'SURGERY', 'DEGENERATIVE', 'SPONTANEOUS',
                                                'UNKNOWN', 'OTHER')),
    mechanism_note    text CHECK (length(mechanism_note) <= 200),
    characters        text[] NOT NULL DEFAULT '{}',
    aggravating       text[] NOT NULL DEFAULT '{}',
    aggravating_other text CHECK (length(aggravating_other) <= 200),
    relieving         text[] NOT NULL DEFAULT '{}',
    relieving_other   text CHECK (length(relieving_other) <= 200),
    version           int NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL,
    CHECK ((onset_date IS NULL) = (onset_precision IS NULL))
);

CREATE TABLE prior_treatment (
    patient_id  bigint NOT NULL REFERENCES pain_history (patient_id) ON DELETE CASCADE,
    position    int NOT NULL CHECK (position >= 0),
    type        text NOT NULL CHECK (type IN ('PHYSICAL_THERAPY', 'MEDICATION', 'INJECTION', 'SURGERY',
                                              'CHIROPRACTIC', 'ACUPUNCTURE', 'PSYCHOLOGY', 'OTHER')),
    description text CHECK (length(description) <= 200),
    started_on  date,
    ended_on    date,
    effect      text CHECK (effect IN ('NONE', 'SLIGHT', 'MODERATE', 'MARKED', 'WORSE')),
    PRIMARY KEY (patient_id, position),
    CHECK (ended_on IS NULL OR started_on IS NULL OR started_on <= ended_on)
);

CREATE TABLE body_map (
    patient_id bigint PRIMARY KEY REFERENCES patient (id),
    version    int NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL
);

CREATE TABLE body_map_region (
    patient_id bigint NOT NULL REFERENCES body_map (patient_id) ON DELETE CASCADE,
    region     text NOT NULL CHECK (region ~ '^(front|back)\.[a-z-]+(\.(left|right))?$'),
    PRIMARY KEY (patient_id, region)
);
