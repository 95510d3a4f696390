-- The clinician's note of a visit: structured parts and free text, the diagnoses addressed (IDs of
-- the patient's diagnoses in the patients module, with the code as it was then), the patient's goals
-- and the treatment plan. Once signed_at is set the note, its diagnoses and its plan items are
-- locked (decision 0031): the triggers below refuse any change, whatever path it comes by; later
-- changes are addenda, and plan items only move through their status.
CREATE TABLE visit_note (
    visit_id                 bigint PRIMARY KEY REFERENCES visit (id),
    present_illness          text NOT NULL DEFAULT '' CHECK (length(present_illness) <= 8000),
    exam_findings            text NOT NULL DEFAULT '' CHECK (length(exam_findings) <= 8000),
    imaging_reviewed         text NOT NULL DEFAULT '' CHECK (length(imaging_reviewed) <= 8000),
    assessment               text NOT NULL DEFAULT '' CHECK (length(assessment) <= 8000),
    free_text                text NOT NULL DEFAULT '' CHECK (length(free_text) <= 8000),
    functional_goals         text NOT NULL DEFAULT '' CHECK (length(functional_goals) <= 2000),
    expected_relief_percent  int CHECK (expected_relief_percent BETWEEN 0 AND 100),
    updated_at               timestamptz NOT NULL,
    updated_by               bigint NOT NULL,
    version                  int NOT NULL DEFAULT 0,
    signed_at                timestamptz,
    signed_by                bigint,
    CHECK ((signed_at IS NULL) = (signed_by IS NULL))
);

CREATE TABLE visit_diagnosis (
    visit_id      bigint NOT NULL REFERENCES visit_note (visit_id),
    diagnosis_id  bigint NOT NULL,
    icd10_code    text NOT NULL,
    PRIMARY KEY (visit_id, diagnosis_id)
);

CREATE TABLE treatment_plan_item (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id          bigint NOT NULL REFERENCES visit_note (visit_id),
    patient_id        bigint NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('PROCEDURE', 'PHYSICAL_THERAPY', 'MEDICATION_CHANGE',
                                                    'PSYCHOLOGY', 'SURGICAL_REFERRAL', 'CASE_CONFERENCE')),
    procedure_code    text CHECK ((kind = 'PROCEDURE') = (procedure_code IS NOT NULL)),
    detail            text NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
    owner_id          bigint NOT NULL,
    status            text NOT NULL CHECK (status IN ('PROPOSED', 'ORDERED', 'DONE', 'DECLINED', 'CANCELLED')),
    created_at        timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL,
    status_changed_by bigint NOT NULL
);
CREATE INDEX treatment_plan_item_visit_idx ON treatment_plan_item (visit_id, id);
CREATE INDEX treatment_plan_item_owner_idx ON treatment_plan_item (owner_id, status);
CREATE INDEX treatment_plan_item_patient_idx ON treatment_plan_item (patient_id);

CREATE TABLE visit_addendum (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id    bigint NOT NULL REFERENCES visit_note (visit_id),
    author_id   bigint NOT NULL,
    written_at  timestamptz NOT NULL,
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)
);
CREATE INDEX visit_addendum_visit_idx ON visit_addendum (visit_id, id);

CREATE FUNCTION visit_note_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'visit note % is signed and cannot change', OLD.visit_id
            USING ERRCODE = 'P0001', HINT = 'signed-note';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER visit_note_locked BEFORE UPDATE OR DELETE ON visit_note
    FOR EACH ROW EXECUTE FUNCTION visit_note_locked();

CREATE FUNCTION visit_note_part_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v := NEW.visit_id;
    ELSE
        v := OLD.visit_id;
    END IF;
    IF EXISTS (SELECT 1 FROM visit_note WHERE visit_id = v AND signed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'visit note % is signed and cannot change', v
            USING ERRCODE = 'P0001', HINT = 'signed-note';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER visit_diagnosis_locked BEFORE INSERT OR UPDATE OR DELETE ON visit_diagnosis
    FOR EACH ROW EXECUTE FUNCTION visit_note_part_locked();
CREATE TRIGGER treatment_plan_item_added_or_removed BEFORE INSERT OR DELETE ON treatment_plan_item
    FOR EACH ROW EXECUTE FUNCTION visit_note_part_locked();
-- After signing a plan item still moves through its status (ordered, done...); nothing else of it
-- changes.
CREATE TRIGGER treatment_plan_item_changed BEFORE UPDATE ON treatment_plan_item
    FOR EACH ROW
    WHEN (NEW.visit_id IS DISTINCT FROM OLD.visit_id OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
          OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.procedure_code IS DISTINCT FROM OLD.procedure_code
          OR NEW.detail IS DISTINCT FROM OLD.detail OR NEW.owner_id IS DISTINCT FROM OLD.owner_id
          OR NEW.created_at IS DISTINCT FROM OLD.created_at)
    EXECUTE FUNCTION visit_note_part_locked();

CREATE FUNCTION visit_addendum_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'addenda are never changed or removed' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER visit_addendum_append_only BEFORE UPDATE OR DELETE ON visit_addendum
    FOR EACH ROW EXECUTE FUNCTION visit_addendum_append_only();
