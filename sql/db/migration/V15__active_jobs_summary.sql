-- V15: the pre-aggregated job list (analysis 9.2 #5): recruiter.active_jobs_summary and its refresh.
--
-- For the web platform: nothing changes (a materialized view reading jobs, job_applications and candidates).
--
--   recruiter.active_jobs_summary: one row per published job that is not soft-deleted:
--     job_id, company_id, employer_id, title, posted_at, expires_at,
--     applied_count, viewed_count, shortlisted_count, interview_count, rejected_count, accepted_count,
--     total_applications, last_application_at
--   counting only live applications (job_applications.deleted_at IS NULL) of live candidates
--   (candidates.deleted_at IS NULL), as every client screen does.
--   ux_active_jobs_summary_job UNIQUE (job_id): required by REFRESH MATERIALIZED VIEW CONCURRENTLY, which lets
--   readers keep reading the old contents during a refresh.
--   recruiter.refresh_active_jobs_summary() refreshes it concurrently, records the time in
--   recruiter.materialized_view_refreshes (so the UI can say "figures as of ...") and returns that time: the
--   moment the refresh started, i.e. the moment the figures describe. SECURITY DEFINER (REFRESH needs the
--   view's owner); EXECUTE is revoked from PUBLIC: grant it to the roles that may run `maintain`.
--
-- Re-runnable: IF NOT EXISTS / CREATE OR REPLACE.

SET LOCAL lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS recruiter.materialized_view_refreshes (
    view_name    text PRIMARY KEY,
    refreshed_at timestamptz NOT NULL,
    duration     interval    NOT NULL
);
COMMENT ON TABLE recruiter.materialized_view_refreshes IS
    'Last refresh of each recruiter materialized view: refreshed_at = when the figures were taken.';

CREATE MATERIALIZED VIEW IF NOT EXISTS recruiter.active_jobs_summary AS
SELECT j.id                                                         AS job_id,
       j.company_id,
       j.employer_id,
       j.title,
       j.posted_at,
       j.expires_at,
       count(a.id) FILTER (WHERE a.status = 'applied')              AS applied_count,
       count(a.id) FILTER (WHERE a.status = 'viewed')               AS viewed_count,
       count(a.id) FILTER (WHERE a.status = 'shortlisted')          AS shortlisted_count,
       count(a.id) FILTER (WHERE a.status = 'interview')            AS interview_count,
       count(a.id) FILTER (WHERE a.status = 'rejected')             AS rejected_count,
       count(a.id) FILTER (WHERE a.status = 'accepted')             AS accepted_count,
       count(a.id)                                                  AS total_applications,
       max(a.applied_at)                                            AS last_application_at
  FROM public.jobs j
  LEFT JOIN (public.job_applications a
             JOIN public.candidates c ON c.id = a.candidate_id AND c.deleted_at IS NULL)
         ON a.job_id = j.id AND a.deleted_at IS NULL
 WHERE j.status = 'published'
   AND j.deleted_at IS NULL
 GROUP BY j.id
WITH DATA;

CREATE UNIQUE INDEX IF NOT EXISTS ux_active_jobs_summary_job ON recruiter.active_jobs_summary (job_id);
CREATE INDEX IF NOT EXISTS ix_active_jobs_summary_company ON recruiter.active_jobs_summary (company_id);
CREATE INDEX IF NOT EXISTS ix_active_jobs_summary_employer ON recruiter.active_jobs_summary (employer_id);

COMMENT ON MATERIALIZED VIEW recruiter.active_jobs_summary IS
    'Published, not soft-deleted jobs with live application counts per status. Refresh with '
    'recruiter.refresh_active_jobs_summary(); last refresh in recruiter.materialized_view_refreshes.';

INSERT INTO recruiter.materialized_view_refreshes (view_name, refreshed_at, duration)
VALUES ('recruiter.active_jobs_summary', now(), interval '0')
ON CONFLICT (view_name) DO NOTHING;

CREATE OR REPLACE FUNCTION recruiter.refresh_active_jobs_summary() RETURNS timestamptz
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    started timestamptz := clock_timestamp();
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY recruiter.active_jobs_summary;
    INSERT INTO recruiter.materialized_view_refreshes (view_name, refreshed_at, duration)
    VALUES ('recruiter.active_jobs_summary', started, clock_timestamp() - started)
    ON CONFLICT (view_name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, duration = EXCLUDED.duration;
    RETURN started;
END
$$;

REVOKE ALL ON FUNCTION recruiter.refresh_active_jobs_summary() FROM PUBLIC;
