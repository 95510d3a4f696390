-- One instrument's answers as the patient gave them: what FHIR calls a QuestionnaireResponse.
-- Sheets come through the FHIR API (questionnaire_id NULL) or from a submitted patient link
-- (questionnaire_id set; the answers are also in questionnaire_answer). A completed sheet points
-- to its scored result, which the FHIR API serves as the Observation. answers is an object of
-- item key -> whole number, or null for an item the patient skipped.
CREATE TABLE answer_sheet (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id         bigint NOT NULL,
    instrument         text NOT NULL,
    instrument_version text NOT NULL,
    status             text NOT NULL CHECK (status IN ('in-progress', 'completed')),
    authored           timestamptz NOT NULL,
    recorded_at        timestamptz NOT NULL,
    answers            jsonb NOT NULL,
    questionnaire_id   bigint REFERENCES questionnaire (id),
    scored_response_id bigint UNIQUE REFERENCES questionnaire_response (id),
    identifier_system  text,
    identifier_value   text,
    CHECK (status = 'in-progress' OR scored_response_id IS NOT NULL)
);
CREATE INDEX answer_sheet_patient_idx ON answer_sheet (patient_id, authored, id);
CREATE INDEX answer_sheet_instrument_idx ON answer_sheet (instrument, authored, id);
CREATE INDEX answer_sheet_identifier_idx ON answer_sheet (identifier_value)
    WHERE identifier_value IS NOT NULL;

-- Patient links submitted before this table existed.
INSERT INTO answer_sheet (patient_id, instrument, instrument_version, status, authored, recorded_at,
                          answers, questionnaire_id, scored_response_id)
SELECT r.patient_id, r.instrument, r.instrument_version, 'completed', r.scored_at, r.scored_at,
       COALESCE((SELECT jsonb_object_agg(a.item, a.value) FROM questionnaire_answer a
                 WHERE a.questionnaire_id = r.questionnaire_id AND a.instrument = r.instrument),
                '{}'::jsonb),
       r.questionnaire_id, r.id
  FROM questionnaire_response r
 WHERE r.questionnaire_id IS NOT NULL
 ORDER BY r.id;
