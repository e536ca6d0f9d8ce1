-- V25: an index for the desktop board's column pages under row-level security.
--
-- For the web platform: one new index on job_applications (each write maintains it); nothing else changes.
-- It does not touch row-level security, privileges or grants: recruiter_app already reads job_applications (V23)
-- and its policies (V22) apply unchanged.
--
--   job_applications  ix_job_applications_job_applied  (job_id, applied_at DESC, id DESC) WHERE deleted_at IS NULL
--
-- Why ix_job_applications_board (job_id, status, applied_at DESC) is not enough for the client: under row-level
-- security PostgreSQL only uses a query's condition as an index condition when its operator is LEAKPROOF, and
-- the enum equality (enum_eq) and the text-to-enum cast are not. So "status = 'viewed'" can only filter rows,
-- never narrow an index scan, for a recruiter_app session. job_id (int4eq), applied_at (timestamptz_le/lt) and
-- id (int4lt) are leakproof: this index serves a column page's keyset "job_id = ? AND applied_at <= ?" in the
-- page's own order (applied_at DESC, id DESC), reading one job's applications from the page's position onwards
-- and filtering the status as it goes, so a page costs about 50 / (share of that status) rows whatever the
-- table's size. Empty columns are never queried (the board counts first).
--
-- Live-database safety and re-runs exactly like V8 and V21: CONCURRENTLY, outside a transaction (see the .conf
-- file); an INVALID leftover is renamed to <name>__invalid, dropped, and built again; a final check that it is
-- valid.

DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_job_applied__invalid;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname = 'ix_job_applications_job_applied'
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;

DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_job_applied__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_job_applied
    ON public.job_applications (job_id, applied_at DESC, id DESC) WHERE deleted_at IS NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relname = 'ix_job_applications_job_applied'
                      AND i.indisvalid AND i.indisready) THEN
        RAISE EXCEPTION 'Index ix_job_applications_job_applied missing or not valid after the build'
            USING HINT = 'Another object may hold this name; remove it, run repair, then migrate again.';
    END IF;
END
$$;
