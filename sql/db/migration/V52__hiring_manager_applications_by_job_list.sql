-- V52: a hiring manager's applications are recognised by their job's id, without a probe of jobs per row (issue 16).
--
-- Why: under row-level security every application row a statement reads is checked by V22's policy, "its job is a
-- job I can read", one probe of jobs (3-4 buffers) per row read, and the check runs before the statement's own
-- conditions: the status of a board column is an enum comparison, not leakproof, so it cannot be tested first. A
-- hiring manager's board column of 15 cards in a job of 207 applications checked 207 rows: 662 of the page's 1,489
-- buffers (EXPLAIN (ANALYZE, BUFFERS) as the client on the large data set). The same check is nested in the
-- candidates and users policies and in the status events' one, once per card each.
--
-- Now the policies first ask whether the application's job is one of the session's managed jobs (session_job_ids(),
-- computed once per statement: an array of a hiring manager's few jobs, empty for a recruiter), and only otherwise
-- probe jobs as before; the update policy keeps V31's size caps. Who may read or update which rows does not
-- change: a job of session_job_ids() is exactly a job the jobs policy lets a hiring manager read (its second
-- branch), and every other row still goes through that policy. The same page now reads 705 buffers. A recruiter
-- pays one more session_job_ids() per statement that reads applications (an empty array; about 0.03 ms).
--
-- Live-database safety: outside a transaction (see the .conf file); each table's policies are dropped and created
-- again in one short transaction through recruiter.apply_ddl (short lock_timeout, retries).

CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$ BEGIN
    DROP POLICY IF EXISTS recruiter_app_read ON public.job_applications;
    DROP POLICY IF EXISTS recruiter_app_update ON public.job_applications;
    CREATE POLICY recruiter_app_read ON public.job_applications FOR SELECT TO recruiter_app
        USING (job_id = ANY ((SELECT recruiter.session_job_ids())::integer[])
               OR EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0));
    CREATE POLICY recruiter_app_update ON public.job_applications FOR UPDATE TO recruiter_app
        USING (job_id = ANY ((SELECT recruiter.session_job_ids())::integer[])
               OR EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0))
        WITH CHECK ((job_id = ANY ((SELECT recruiter.session_job_ids())::integer[])
                     OR EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0))
                    -- V31's caps, unchanged
                    AND coalesce(length(notes), 0) <= 100000
                    AND coalesce(pg_column_size(recruiter_notes), 0) <= 262144
                    AND coalesce(pg_column_size(scorecard), 0) <= 262144
                    AND coalesce(pg_column_size(tags), 0) <= 262144);
END $$
$ddl$
]);
