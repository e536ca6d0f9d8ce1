-- V6: validate the V5 rules where no existing row breaks them; report (and keep) the rows that do.
--
-- For the web platform: nothing changes for its writes (the rules already apply to new rows since V5). No row
-- is changed or deleted. A rule that existing rows break stays NOT VALID: this migration logs a WARNING with
-- the number of offending rows, `doctor` keeps warning about it, and recruiter.validate_check_constraints()
-- (run by `maintain`) validates it once the rows have been corrected.
--
-- Live-database safety: VALIDATE CONSTRAINT takes a SHARE UPDATE EXCLUSIVE lock, which does not block reads or
-- writes; it runs only when a count found no violator. Re-runnable: it only looks at constraints still NOT VALID.

SET LOCAL lock_timeout = '5s';

-- Every NOT VALID CHECK constraint on a platform table (table_name schema-qualified, e.g. public.jobs), with the
-- number of existing rows that break it.
CREATE OR REPLACE FUNCTION recruiter.check_constraint_violations()
    RETURNS TABLE (table_name text, constraint_name text, definition text, violating_rows bigint)
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT pg_catalog.format('%I.%I', n.nspname, cl.relname) AS tbl, con.conname,
               pg_catalog.pg_get_constraintdef(con.oid) AS def,
               pg_catalog.pg_get_expr(con.conbin, con.conrelid) AS expr
          FROM pg_catalog.pg_constraint con
          JOIN pg_catalog.pg_class cl ON cl.oid = con.conrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
         WHERE con.contype = 'c' AND NOT con.convalidated AND n.nspname = 'public'
         ORDER BY 1, 2
    LOOP
        table_name := c.tbl;
        constraint_name := c.conname;
        definition := c.def;
        -- a CHECK is broken only when its expression is FALSE (NULL passes)
        EXECUTE pg_catalog.format('SELECT count(*) FROM %s WHERE NOT (%s)', c.tbl, c.expr) INTO violating_rows;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Validates each NOT VALID CHECK constraint on a platform table that no row breaks any more; warns about the
-- others. Returns one row per constraint looked at.
CREATE OR REPLACE FUNCTION recruiter.validate_check_constraints()
    RETURNS TABLE (table_name text, constraint_name text, violating_rows bigint, validated boolean)
    LANGUAGE plpgsql
AS $$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT * FROM recruiter.check_constraint_violations() LOOP
        table_name := v.table_name;
        constraint_name := v.constraint_name;
        violating_rows := v.violating_rows;
        IF v.violating_rows = 0 THEN
            EXECUTE pg_catalog.format('ALTER TABLE %s VALIDATE CONSTRAINT %I', v.table_name, v.constraint_name);
            validated := true;
        ELSE
            RAISE WARNING 'Constraint % on % stays NOT VALID: % existing row(s) break it (%); they were kept. Correct them, then run maintain to validate it.',
                v.constraint_name, v.table_name, v.violating_rows, v.definition;
            validated := false;
        END IF;
        RETURN NEXT;
    END LOOP;
END
$$;

SELECT * FROM recruiter.validate_check_constraints();

-- applied_at in the future is guarded by a trigger (V5), which does not judge existing rows: report them here.
DO $$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM public.job_applications WHERE applied_at > now() + interval '5 minutes';
    IF n > 0 THEN
        RAISE WARNING '% existing application(s) have applied_at in the future; they were kept. doctor lists them until corrected.', n;
    END IF;
END
$$;
