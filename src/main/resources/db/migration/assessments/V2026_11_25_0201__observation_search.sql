-- FHIR Observation searches by code (instrument) across patients, newest or oldest first; searches
-- by patient use questionnaire_response_patient_idx.
CREATE INDEX questionnaire_response_instrument_idx ON questionnaire_response (instrument, scored_at, id);
