-- Second factor (TOTP). The secret is sealed with AES-GCM under a key kept outside the database;
-- last_used_step makes each code usable once.
CREATE TABLE app_user_second_factor (
    user_id        bigint PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    sealed_secret  text NOT NULL,
    enabled_at     timestamptz NOT NULL,
    last_used_step bigint NOT NULL DEFAULT 0
);
