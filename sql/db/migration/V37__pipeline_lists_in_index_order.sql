-- V37: the pipeline's lists read in index order, for the largest employer too (issue 16).
--
-- Why: the jobs read policy was "company_id = my company OR id = ANY(my hiring-manager jobs)". An OR policy is a
-- BitmapOr: the planner fetches every job of the company (8,001 for the largest, spread over ~5,000 heap pages),
-- then sorts, for a page of 100. As a CASE (like V34 for job_application_counts) the policy is a per-row filter
-- the planner cannot turn into an index condition, so the statement's own "company_id = $1" drives the scan and
-- the index below hands out rows already in the list's order: 100 index entries for a page, not 8,001 rows.
-- A hiring manager's statements name her jobs explicitly (id = ANY / IN), so her path is unchanged.
--
-- The indexes carry id so that the policy's ELSE branch (id = ANY(...)) is computable from the index: the count
-- and the job pickers are index-only scans.
--   ix_jobs_company_posted   pipeline default order (newest first, drafts first), board and statistics pickers
--   ix_jobs_company_title    pipeline sorted by title, statistics job filter
--   ix_jobs_company_expiring pipeline sorted by expiry
--   ix_jobs_company_country  the country filter's list, read as a loose index scan (one probe per country)
--   ix_jobs_company_status   rebuilt as (company_id, status, posted_at DESC NULLS FIRST, id DESC): the status tabs
--                            in the pipeline's order; the old one had neither the NULLS order nor id.
-- Colleagues' names come from recruiter.visible_recruiters(): under row-level security, the users policy's EXISTS
-- over employers, itself over jobs, cost 4-25 ms for the largest company's 1,086 recruiters.
--
-- Live-database safety: indexes built CONCURRENTLY (this migration runs outside a transaction), an index left
-- INVALID by an earlier failed build is dropped and built again, the policy changed through apply_ddl (short lock
-- waits, retried).

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname IN ('ix_jobs_company_posted', 'ix_jobs_company_title', 'ix_jobs_company_expiring',
                             'ix_jobs_company_country', 'ix_jobs_company_status_v37')
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_posted__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_title__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_expiring__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_country__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_status_v37__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_posted
    ON public.jobs (company_id, posted_at DESC NULLS FIRST, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_title
    ON public.jobs (company_id, title, id) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_expiring
    ON public.jobs (company_id, expires_at, id) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_country
    ON public.jobs (company_id, country) INCLUDE (id) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_status_v37
    ON public.jobs (company_id, status, posted_at DESC NULLS FIRST, id DESC) WHERE deleted_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_status;
ALTER INDEX public.ix_jobs_company_status_v37 RENAME TO ix_jobs_company_status;

DO $$
BEGIN
    IF (SELECT count(*) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace
           AND c.relname IN ('ix_jobs_company_posted', 'ix_jobs_company_title', 'ix_jobs_company_expiring',
                             'ix_jobs_company_country', 'ix_jobs_company_status')
           AND i.indisvalid AND i.indisready) <> 5 THEN
        RAISE EXCEPTION 'An index of V37 (ix_jobs_company_posted, _title, _expiring, _country, _status) is missing or not valid after the build'
            USING HINT = 'Another object may hold one of these names; remove it, then migrate again.';
    END IF;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
ALTER POLICY recruiter_app_read ON public.jobs
    USING (CASE WHEN company_id = (SELECT recruiter.session_company_id()) THEN true
                ELSE id = ANY ((SELECT recruiter.session_job_ids())::integer[]) END)
$ddl$]);

-- The people a job can be filtered by: a recruiter's colleagues (every employer of the company), or for a hiring
-- manager the posters of her jobs. Names as the screen shows them; nothing else of the users row leaves.
CREATE OR REPLACE FUNCTION recruiter.visible_recruiters()
    RETURNS TABLE (employer_id integer, name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT e.id,
           coalesce(nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), ''), u.email)::text
      FROM public.employers e
      JOIN public.users u ON u.id = e.user_id
     WHERE e.company_id = (SELECT recruiter.session_company_id())
    UNION
    SELECT e.id,
           coalesce(nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), ''), u.email)::text
      FROM public.jobs j
      JOIN public.employers e ON e.id = j.employer_id
      JOIN public.users u ON u.id = e.user_id
     WHERE (SELECT recruiter.session_company_id()) IS NULL
       AND j.id = ANY ((SELECT recruiter.session_job_ids())::integer[])
     ORDER BY 2, 1
$$;
REVOKE ALL ON FUNCTION recruiter.visible_recruiters() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.visible_recruiters() TO recruiter_app;

