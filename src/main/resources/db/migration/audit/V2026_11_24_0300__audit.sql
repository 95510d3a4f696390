-- The audit trail: append-only and hash-chained. Each row's hash covers its fields and the hash of
-- the row before it, so a changed, removed or reordered row breaks the chain from that point on.
CREATE TABLE audit_event (
    id             bigint PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    actor          text NOT NULL,
    actor_type     text NOT NULL CHECK (actor_type IN ('USER', 'API_CLIENT', 'ANONYMOUS', 'SYSTEM', 'PATIENT_LINK')),
    action         text NOT NULL,
    object_type    text,
    object_id      text,
    outcome        text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    source_address text,
    detail         text,
    hash           text NOT NULL
);
CREATE SEQUENCE audit_event_seq AS bigint;
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only: % on audit_event is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
