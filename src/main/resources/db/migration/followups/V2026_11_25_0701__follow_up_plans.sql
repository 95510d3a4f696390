-- Follow-up plans: per plan name (the procedure catalogue's followUpPlan), versioned by the date a
-- version takes effect. A schedule keeps the version it was made from; a new version changes only
-- the procedures performed on or after its effective date.
CREATE TABLE follow_up_plan (
    id              bigserial   PRIMARY KEY,
    name            text        NOT NULL,
    effective_from  date        NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    UNIQUE (name, effective_from)
);

-- One time point of a plan. timepoint is an ISO-8601 period after the procedure (P1D, P2W, P3M);
-- instruments are assessment codes separated by spaces; 'disability' stands for ODI after a lumbar,
-- thoracic or sacral procedure and NDI after a cervical one.
CREATE TABLE follow_up_plan_point (
    plan_id      bigint  NOT NULL REFERENCES follow_up_plan (id),
    position     integer NOT NULL,
    timepoint    text    NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('call', 'questionnaire')),
    instruments  text    NOT NULL DEFAULT '',
    window_days  integer NOT NULL CHECK (window_days BETWEEN 0 AND 60),
    PRIMARY KEY (plan_id, position),
    UNIQUE (plan_id, timepoint)
);

INSERT INTO follow_up_plan (name, effective_from, created_at, created_by)
SELECT name, DATE '2000-01-01', now(), 'default plan'
FROM (VALUES ('epidural-steroid-injection'), ('diagnostic-block-pain-diary'),
             ('radiofrequency-ablation'), ('joint-injection'), ('sympathetic-block'),
             ('nerve-block'), ('trigger-point-injection'), ('neuromodulation-trial'),
             ('neuromodulation-implant'), ('vertebral-augmentation'), ('intrathecal-pump'),
             ('lumbar-decompression')) AS p (name);

-- Long plans: a next-day call, NRS + PGIC at 2 and 6 weeks, NRS + ODI/NDI at 3, 6 and 12 months.
INSERT INTO follow_up_plan_point (plan_id, position, timepoint, kind, instruments, window_days)
SELECT p.id, t.position, t.timepoint, t.kind, t.instruments, t.window_days
FROM follow_up_plan p
CROSS JOIN (VALUES (1, 'P1D', 'call', '', 1),
                   (2, 'P2W', 'questionnaire', 'nrs pgic', 3),
                   (3, 'P6W', 'questionnaire', 'nrs pgic', 3),
                   (4, 'P3M', 'questionnaire', 'nrs disability', 7),
                   (5, 'P6M', 'questionnaire', 'nrs disability', 14),
                   (6, 'P12M', 'questionnaire', 'nrs disability', 30))
    AS t (position, timepoint, kind, instruments, window_days)
WHERE p.name IN ('epidural-steroid-injection', 'radiofrequency-ablation', 'joint-injection',
                 'neuromodulation-implant', 'vertebral-augmentation', 'intrathecal-pump',
                 'lumbar-decompression');

-- Short plans for blocks and injections whose effect is not followed for a year.
INSERT INTO follow_up_plan_point (plan_id, position, timepoint, kind, instruments, window_days)
SELECT p.id, t.position, t.timepoint, t.kind, t.instruments, t.window_days
FROM follow_up_plan p
CROSS JOIN (VALUES (1, 'P1D', 'call', '', 1),
                   (2, 'P2W', 'questionnaire', 'nrs pgic', 3),
                   (3, 'P6W', 'questionnaire', 'nrs pgic', 3))
    AS t (position, timepoint, kind, instruments, window_days)
WHERE p.name IN ('sympathetic-block', 'nerve-block', 'trigger-point-injection');

-- Diagnostic blocks: the timed relief diary of the day itself, then a next-day call.
INSERT INTO follow_up_plan_point (plan_id, position, timepoint, kind, instruments, window_days)
SELECT p.id, 1, 'P1D', 'call', '', 1 FROM follow_up_plan p
WHERE p.name = 'diagnostic-block-pain-diary';

-- Stimulator trials: a next-day call and a call at the end of the trial week.
INSERT INTO follow_up_plan_point (plan_id, position, timepoint, kind, instruments, window_days)
SELECT p.id, t.position, t.timepoint, 'call', '', t.window_days
FROM follow_up_plan p
CROSS JOIN (VALUES (1, 'P1D', 1), (2, 'P1W', 2)) AS t (position, timepoint, window_days)
WHERE p.name = 'neuromodulation-trial';
