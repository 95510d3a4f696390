-- Outcome analytics at scale (docs/decisions/0060-outcome-rollup.md, after 0047): a per-month
-- rollup of the follow-ups whose part in a rate is settled, plus a live count of the few that are
-- not, through a partial index.
--
-- A follow-up counts as due once answered or missed (closed: never changes again), or while open
-- (status DUE) once its due date is past the grace (decision 0046), which depends on the day of the
-- query. So the rollup keeps closed follow-ups with due_month NULL, and open ones under the month of
-- their due date: a query takes closed rows and open rows due before the month of its cutoff from
-- the rollup, and counts live only the open ones due from the first of that month to the cutoff.
--
-- One row per month of performed_on, time point, procedure type, due month and ONE of the page's
-- groupings ('level' = the level set treated, 'physician' = the operator, 'diagnosis' = the primary
-- diagnosis, NULL for none); the other two grouping columns are NULL. The whole practice and each
-- procedure type are the sums of the 'level' rows. Keying each grouping separately (instead of the
-- cross product of all four) keeps the rollup small: the cross product has about as many keys per
-- month as there are follow-ups.
CREATE TABLE outcome_rollup (
    timepoint         text NOT NULL,
    dimension         text NOT NULL CHECK (dimension IN ('level', 'physician', 'diagnosis')),
    month             date NOT NULL CHECK (extract(day FROM month) = 1),
    due_month         date CHECK (extract(day FROM due_month) = 1),
    procedure_type    text NOT NULL,
    level_set         text,
    operator_user_id  bigint,
    diagnosis_code    text,
    -- the same four counts as the analytics queries on outcome_measure (decision 0046):
    -- due = follow-ups, answered = count(responder30), r30/r50 = responders
    due               bigint NOT NULL,
    answered          bigint NOT NULL,
    r30               bigint NOT NULL,
    r50               bigint NOT NULL,
    CONSTRAINT outcome_rollup_key UNIQUE NULLS NOT DISTINCT
        (timepoint, dimension, month, procedure_type, due_month, level_set, operator_user_id,
         diagnosis_code)
);

-- The open follow-ups due in the cutoff's month, counted live: the page by time point, the
-- responders API by procedure type.
CREATE INDEX outcome_measure_open_idx ON outcome_measure (timepoint, due_on)
    INCLUDE (performed_on, procedure_type, level_set, operator_user_id, diagnosis_code)
    WHERE status = 'DUE';
CREATE INDEX outcome_measure_open_type_idx ON outcome_measure (procedure_type, timepoint, due_on)
    INCLUDE (performed_on)
    WHERE status = 'DUE';

-- Kept by the database in the same transaction as every change of outcome_measure, whatever
-- statement makes it (the listeners' upserts, an episode arriving after its follow-ups, a re-scored
-- answer, a re-schedule, a correction by hand): each statement adds what its new rows contribute
-- and subtracts what its old rows did. Keys are written in order, so two statements never wait on
-- each other in a cycle.
CREATE FUNCTION outcome_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM outcome_rollup_new n'
        WHEN 'UPDATE' THEN 'SELECT n.*, 1 AS sign FROM outcome_rollup_new n'
                        || ' UNION ALL SELECT o.*, -1 AS sign FROM outcome_rollup_old o'
        ELSE 'SELECT o.*, -1 AS sign FROM outcome_rollup_old o' END;
BEGIN
    EXECUTE format($sql$
        INSERT INTO outcome_rollup AS r (timepoint, dimension, month, procedure_type, due_month,
                                         level_set, operator_user_id, diagnosis_code, due,
                                         answered, r30, r50)
        SELECT timepoint,
               CASE GROUPING(level_set, operator_user_id, diagnosis_code)
                   WHEN 3 THEN 'level' WHEN 5 THEN 'physician' ELSE 'diagnosis' END,
               date_trunc('month', performed_on)::date, procedure_type,
               CASE WHEN status = 'DUE' THEN date_trunc('month', due_on)::date END,
               level_set, operator_user_id, diagnosis_code,
               sum(sign),
               sum(CASE WHEN responder30 IS NOT NULL THEN sign ELSE 0 END),
               sum(CASE WHEN responder30 THEN sign ELSE 0 END),
               sum(CASE WHEN responder50 THEN sign ELSE 0 END)
        FROM (%s) m
        WHERE (status <> 'DUE' OR due_on IS NOT NULL) AND performed_on IS NOT NULL
        GROUP BY timepoint, date_trunc('month', performed_on), procedure_type,
                 CASE WHEN status = 'DUE' THEN date_trunc('month', due_on)::date END,
                 GROUPING SETS ((level_set), (operator_user_id), (diagnosis_code))
        HAVING sum(sign) <> 0
            OR sum(CASE WHEN responder30 IS NOT NULL THEN sign ELSE 0 END) <> 0
            OR sum(CASE WHEN responder30 THEN sign ELSE 0 END) <> 0
            OR sum(CASE WHEN responder50 THEN sign ELSE 0 END) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (timepoint, dimension, month, procedure_type, due_month, level_set,
                     operator_user_id, diagnosis_code)
        DO UPDATE SET due = r.due + EXCLUDED.due,
                      answered = r.answered + EXCLUDED.answered,
                      r30 = r.r30 + EXCLUDED.r30,
                      r50 = r.r50 + EXCLUDED.r50
        $sql$, changed);
    RETURN NULL;
END
$$;

CREATE TRIGGER outcome_rollup_on_insert AFTER INSERT ON outcome_measure
    REFERENCING NEW TABLE AS outcome_rollup_new
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_apply();
CREATE TRIGGER outcome_rollup_on_update AFTER UPDATE ON outcome_measure
    REFERENCING OLD TABLE AS outcome_rollup_old NEW TABLE AS outcome_rollup_new
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_apply();
CREATE TRIGGER outcome_rollup_on_delete AFTER DELETE ON outcome_measure
    REFERENCING OLD TABLE AS outcome_rollup_old
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_rollup_apply();

-- Builds the rollup from scratch: the backfill below, after a bulk load with the triggers off
-- (bench), or to check it (tests). Holds writers off while it runs.
CREATE FUNCTION outcome_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    LOCK TABLE outcome_measure IN SHARE MODE;
    DELETE FROM outcome_rollup;
    INSERT INTO outcome_rollup (timepoint, dimension, month, procedure_type, due_month, level_set,
                                operator_user_id, diagnosis_code, due, answered, r30, r50)
    SELECT timepoint,
           CASE GROUPING(level_set, operator_user_id, diagnosis_code)
               WHEN 3 THEN 'level' WHEN 5 THEN 'physician' ELSE 'diagnosis' END,
           date_trunc('month', performed_on)::date, procedure_type,
           CASE WHEN status = 'DUE' THEN date_trunc('month', due_on)::date END,
           level_set, operator_user_id, diagnosis_code,
           count(*), count(responder30),
           count(*) FILTER (WHERE responder30), count(*) FILTER (WHERE responder50)
    FROM outcome_measure
    WHERE (status <> 'DUE' OR due_on IS NOT NULL) AND performed_on IS NOT NULL
    GROUP BY timepoint, date_trunc('month', performed_on), procedure_type,
             CASE WHEN status = 'DUE' THEN date_trunc('month', due_on)::date END,
             GROUPING SETS ((level_set), (operator_user_id), (diagnosis_code));
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END
$$;

-- The follow-ups already recorded.
SELECT outcome_rollup_rebuild();
