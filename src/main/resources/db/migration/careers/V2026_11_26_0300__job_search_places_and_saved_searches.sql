-- Careers search (issue 8): coordinates of job sites for "within N miles of a place", a telemedicine
-- flag on postings, and specialists' saved searches with their alerts for new matches.

-- Filled from Relief's committed place table when a posting is saved (careers/places/README.md);
-- null when the city is not in it, and then distance searches do not find that site.
ALTER TABLE job_site ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE job_site ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180);
CREATE INDEX job_site_latitude ON job_site (latitude);

ALTER TABLE job_posting ADD COLUMN telemedicine boolean NOT NULL DEFAULT false;

-- Great-circle (haversine) distance in statute miles on a sphere of the Earth's mean radius
-- (3,958.8 miles, IUGG). Good to about 0.5 % against the ellipsoid, far below the rounding of a
-- city centroid.
CREATE FUNCTION careers_great_circle_miles(lat1 double precision, lon1 double precision,
                                           lat2 double precision, lon2 double precision)
    RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT 2 * 3958.8 * asin(least(1.0, sqrt(
           power(sin(radians(lat2 - lat1) / 2), 2)
           + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;

-- A specialist's saved board search. The criteria columns are named as the board's filters
-- (jobs.JobSearchSql) so that one SQL text serves the search and the alerts.
CREATE TABLE saved_job_search (
    id              bigserial    PRIMARY KEY,
    specialist_id   bigint       NOT NULL,
    name            varchar(80)  NOT NULL,
    state           char(2),
    setting         varchar(30),
    procedure       varchar(40),
    min_base        integer      CHECK (min_base > 0),
    visa            boolean      NOT NULL DEFAULT false,
    telemedicine    boolean      NOT NULL DEFAULT false,
    call_one_in     smallint     CHECK (call_one_in BETWEEN 1 AND 30),
    near            varchar(120),
    near_latitude   double precision,
    near_longitude  double precision,
    within_miles    integer      CHECK (within_miles BETWEEN 1 AND 3000),
    sort            varchar(20)  NOT NULL,
    notify          boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL,
    CHECK ((within_miles IS NULL) = (near_latitude IS NULL)
           AND (near_latitude IS NULL) = (near_longitude IS NULL))
);
CREATE INDEX saved_job_search_owner ON saved_job_search (specialist_id);
CREATE UNIQUE INDEX saved_job_search_name ON saved_job_search (specialist_id, lower(name));

-- One row per (saved search, job) ever matched: the key makes an alert happen at most once.
-- Matches that existed when the search was saved are kept as 'baseline' and never shown as new.
CREATE TABLE saved_search_match (
    saved_search_id bigint      NOT NULL REFERENCES saved_job_search (id) ON DELETE CASCADE,
    job_id          bigint      NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
    baseline        boolean     NOT NULL,
    matched_at      timestamptz NOT NULL,
    seen_at         timestamptz,
    PRIMARY KEY (saved_search_id, job_id)
);
CREATE INDEX saved_search_match_job ON saved_search_match (job_id);

-- Messages for a mail gateway to pick up: a job title and a link, nothing else.
CREATE TABLE careers_outbox_message (
    id          bigserial    PRIMARY KEY,
    user_id     bigint       NOT NULL,
    purpose     varchar(40)  NOT NULL,
    body        varchar(600) NOT NULL,
    created_at  timestamptz  NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX careers_outbox_unsent ON careers_outbox_message (created_at) WHERE sent_at IS NULL;
