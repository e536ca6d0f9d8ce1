-- V24: when each person last looked at each job, so the job pipeline can show "applications new since you last
-- looked".
--
-- For the web platform: nothing changes (a new table in schema recruiter; no platform table is touched).
--
--   recruiter.job_last_seen(user_id, job_id, seen_at)   one row per person and job, written when the person opens
--                        the job's board from the pipeline (INSERT ... ON CONFLICT DO UPDATE). Applications whose
--                        applied_at is after seen_at count as new; with no row, every application is new.
--                        No foreign keys on purpose (like recruiter.job_hiring_managers): the platform hard-deletes
--                        jobs and users, and a foreign key would make those deletes fail. A stale row is harmless.
--   Row-level security: recruiter_app reads and writes only its own rows (user_id = the signed-in person), and
--                        only for jobs it can read.
--   Privileges: SELECT, INSERT, UPDATE to recruiter_app (no DELETE: nothing in the client removes a mark).
--
-- Re-runnable: IF NOT EXISTS; policies are dropped and created again.

SET LOCAL lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS recruiter.job_last_seen (
    user_id integer     NOT NULL,
    job_id  integer     NOT NULL,
    seen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, job_id)
);
COMMENT ON TABLE recruiter.job_last_seen IS
    'When each desktop user last opened each job; applications applied after seen_at are "new" for them.';

ALTER TABLE recruiter.job_last_seen ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.job_last_seen;
DROP POLICY IF EXISTS recruiter_app_insert ON recruiter.job_last_seen;
DROP POLICY IF EXISTS recruiter_app_update ON recruiter.job_last_seen;
CREATE POLICY recruiter_app_read ON recruiter.job_last_seen FOR SELECT TO recruiter_app
    USING (user_id = (SELECT recruiter.session_user_id()));
CREATE POLICY recruiter_app_insert ON recruiter.job_last_seen FOR INSERT TO recruiter_app
    WITH CHECK (user_id = (SELECT recruiter.session_user_id())
                AND EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_last_seen.job_id));
CREATE POLICY recruiter_app_update ON recruiter.job_last_seen FOR UPDATE TO recruiter_app
    USING (user_id = (SELECT recruiter.session_user_id()))
    WITH CHECK (user_id = (SELECT recruiter.session_user_id())
                AND EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_last_seen.job_id));

GRANT SELECT, INSERT, UPDATE ON recruiter.job_last_seen TO recruiter_app;

-- recruiter.search_visible_jobs(query) -> SETOF integer: the ids of the signed-in person's live jobs whose title or
-- description matches what they typed (recruiter.search_query syntax), through the full-text index.
-- Why a SECURITY DEFINER function: under row-level security PostgreSQL evaluates the policy's predicate before
-- any non-LEAKPROOF operator of the query, and the full-text match operator (tsvector @@ tsquery) is not
-- LEAKPROOF, so for recruiter_app the planner can never use ix_jobs_search_document: it reads every job of the
-- company and computes each document (measured: 224 ms for 1,638 jobs instead of ~5 ms). Run as the tables'
-- owner, the match uses the GIN index; the function then applies exactly the jobs read policy itself (company or
-- hiring-manager jobs of the session) and returns only ids, so it reveals nothing the caller could not read.
CREATE OR REPLACE FUNCTION recruiter.search_visible_jobs(query text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    ROWS 200
AS $$
    -- MATERIALIZED with the match alone, so the only index that can serve it is the full-text one: next to the
    -- company predicate the planner tends to scan the company's jobs and compute every document instead.
    WITH hits AS MATERIALIZED (
        SELECT j.id, j.company_id, j.deleted_at
          FROM public.jobs j
         WHERE recruiter.job_search_document(j.title, j.description) @@ recruiter.search_query(query))
    SELECT h.id
      FROM hits h
     WHERE h.deleted_at IS NULL
       AND (h.company_id = (SELECT recruiter.session_company_id())
            OR h.id = ANY ((SELECT recruiter.session_job_ids())::integer[]))
$$;
REVOKE ALL ON FUNCTION recruiter.search_visible_jobs(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_visible_jobs(text) TO recruiter_app;
