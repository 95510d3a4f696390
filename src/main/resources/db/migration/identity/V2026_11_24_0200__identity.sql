CREATE TABLE app_user (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username            text NOT NULL CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 64),
    display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    password_hash       text NOT NULL,
    enabled             boolean NOT NULL DEFAULT true,
    failed_attempts     int NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    created_at          timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL,
    last_signed_in_at   timestamptz
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (username);

CREATE TABLE app_user_role (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('PAIN_PHYSICIAN', 'SURGEON', 'NURSE', 'FRONT_DESK',
                                          'PRACTICE_ADMIN', 'RECRUITER', 'SPECIALIST')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_client (
    client_id   text PRIMARY KEY CHECK (length(client_id) BETWEEN 3 AND 100),
    secret_hash text NOT NULL,
    scopes      text[] NOT NULL,
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL
);

-- Only a SHA-256 digest of each bearer token is kept; the token itself is shown once.
CREATE TABLE api_token (
    token_hash text PRIMARY KEY,
    client_id  text NOT NULL REFERENCES api_client (client_id) ON DELETE CASCADE,
    scopes     text[] NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX api_token_expires_idx ON api_token (expires_at);

-- Spring Session JDBC: sessions shared by every application node.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint NOT NULL,
    last_access_time      bigint NOT NULL,
    max_inactive_interval int NOT NULL,
    expiry_time           bigint NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36) NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
