-- V27: what the statistics screen needs: the funnel stage order, and the active jobs summary (V15) for the
-- signed-in person's scope, with its refresh.
--
-- For the web platform: nothing changes (functions in schema recruiter; no table is touched).
--
--   recruiter.stage_rank(applicationstatus) -> integer   the funnel order applied 1 < viewed 2 < shortlisted 3 <
--                        interview 4 < accepted 5; rejected 0 (not a stage). IMMUTABLE SQL, inlined by the planner.
--   recruiter.visible_active_jobs_summary()   the rows of recruiter.active_jobs_summary the session may see (its
--                        company's jobs, or the jobs it is a hiring manager of) with the view's refresh time.
--                        Why a SECURITY DEFINER function: a materialized view cannot have row-level security, so
--                        V23 does not grant it to recruiter_app (it would show every company's figures). Run as
--                        the owner, the function applies the jobs read policy itself from the session, exactly as
--                        recruiter.search_visible_jobs (V24) does; without a session it returns nothing.
--   recruiter.refresh_visible_active_jobs_summary() -> timestamptz   the client's refresh action: refreshes the
--                        view CONCURRENTLY (readers keep the old contents; the unique index of V15 allows it)
--                        through recruiter.refresh_active_jobs_summary(), which records the time in
--                        recruiter.materialized_view_refreshes. It needs a valid session and refreshes at most
--                        once a minute (a second click within the minute returns the last refresh time), so a
--                        desktop client cannot keep the server busy with refreshes of every company's figures.
--   Privileges: EXECUTE on the three to recruiter_app (revoked from PUBLIC for the definer ones).
--
-- Re-runnable: CREATE OR REPLACE.

SET LOCAL lock_timeout = '5s';

CREATE OR REPLACE FUNCTION recruiter.stage_rank(status public.applicationstatus) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE status
               WHEN 'applied' THEN 1
               WHEN 'viewed' THEN 2
               WHEN 'shortlisted' THEN 3
               WHEN 'interview' THEN 4
               WHEN 'accepted' THEN 5
               ELSE 0
           END
$$;
COMMENT ON FUNCTION recruiter.stage_rank(public.applicationstatus) IS
    'Funnel order of a status: applied 1, viewed 2, shortlisted 3, interview 4, accepted 5; rejected 0.';

CREATE OR REPLACE FUNCTION recruiter.visible_active_jobs_summary()
    RETURNS TABLE (job_id integer, title varchar, posted_at timestamptz, applied_count bigint,
                   viewed_count bigint, shortlisted_count bigint, interview_count bigint, rejected_count bigint,
                   accepted_count bigint, total_applications bigint, last_application_at timestamptz,
                   refreshed_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    -- two probes, one per index of the view (company, then the hiring-manager jobs by job_id), rather than an OR
    -- that would read the whole view
    WITH visible AS (
        SELECT s.* FROM recruiter.active_jobs_summary s
         WHERE s.company_id = (SELECT recruiter.session_company_id())
        UNION
        SELECT s.* FROM recruiter.active_jobs_summary s
         WHERE s.job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]))
    SELECT v.job_id, v.title, v.posted_at, v.applied_count, v.viewed_count, v.shortlisted_count,
           v.interview_count, v.rejected_count, v.accepted_count, v.total_applications, v.last_application_at,
           r.refreshed_at
      FROM visible v
      LEFT JOIN recruiter.materialized_view_refreshes r ON r.view_name = 'recruiter.active_jobs_summary'
     ORDER BY v.total_applications DESC, v.job_id
$$;

CREATE OR REPLACE FUNCTION recruiter.refresh_visible_active_jobs_summary() RETURNS timestamptz
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    last timestamptz;
BEGIN
    IF recruiter.session_user_id() IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.'
            USING ERRCODE = 'IW401';
    END IF;
    SELECT r.refreshed_at INTO last
      FROM recruiter.materialized_view_refreshes r
     WHERE r.view_name = 'recruiter.active_jobs_summary';
    IF last IS NOT NULL AND last > now() - interval '1 minute' THEN
        RETURN last;
    END IF;
    RETURN recruiter.refresh_active_jobs_summary();
END
$$;

REVOKE ALL ON FUNCTION recruiter.visible_active_jobs_summary() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.refresh_visible_active_jobs_summary() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.stage_rank(public.applicationstatus) TO recruiter_app;
GRANT EXECUTE ON FUNCTION recruiter.visible_active_jobs_summary() TO recruiter_app;
GRANT EXECUTE ON FUNCTION recruiter.refresh_visible_active_jobs_summary() TO recruiter_app;
