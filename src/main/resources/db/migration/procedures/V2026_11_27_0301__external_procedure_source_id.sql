-- The identifier a procedure done elsewhere had in the system it was imported from (FHIR bulk
-- import, decision 0074): the resource's first identifier (system|value) or else its Bundle fullUrl
-- / Type/id. Importing the same data again finds the row by it and creates no duplicate. NULL for
-- procedures recorded through POST /fhir.
ALTER TABLE external_procedure ADD COLUMN source_id text CHECK (length(source_id) <= 300);
CREATE UNIQUE INDEX external_procedure_source_uq ON external_procedure (source_id)
    WHERE source_id IS NOT NULL;
