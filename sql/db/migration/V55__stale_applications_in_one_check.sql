-- V55: the statistics' stale list names its candidates after one check of the rows, not per row (issue 16).
--
-- Why: the list (the 200 longest-waiting open applications) took its rows from stats_application_facts, then each
-- row's job title and candidate name under row-level security. The candidate's name passes the candidates policy
-- and then the users policy, which asks again whether a visible candidate has that user: measured as the client on
-- the large data set, a hiring manager's list read 4,845 buffers (3,842 of them for the 200 names) and resolved the
-- session in 40 sub-plans, 7.5 ms p50 and 11 ms p95 where the panels may take 10.
--
-- Now recruiter.stale_applications picks the rows from the facts with the facts policy's own rule written out
-- (the session's company's applications, or those of its hiring-manager jobs; the same CASE as V34's policy), in
-- the same index order and with the same scope as the mapper's statement had, then reads titles and names as the
-- owner. Nothing more is returned than the policies let through: a readable application's job is readable, and so
-- is its candidate (company_candidates for a recruiter, the managed jobs' applications for a hiring manager) and
-- that candidate's user; decision 0028 argues the same for the board. No session, no rows. The tables' owner (the
-- laptop's offline copy) and roles that bypass row-level security read with no session, as they did. One static
-- statement per scope (a job, a company, a hiring manager's jobs), planned once per connection.

CREATE OR REPLACE FUNCTION recruiter.stale_applications(job integer, company integer, manager integer,
                                                        stale_days integer, page_size integer)
    RETURNS TABLE (application_id integer, job_id integer, job_title text, candidate_name text, status text,
                   last_move timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
    ROWS 200
AS $$
#variable_conflict use_column
DECLARE
    bypass     boolean;
    signed_in  integer;
    my_company integer;
    my_jobs    integer[];
    picked     recruiter.stats_application_facts[];
    page       integer := least(greatest(coalesce(page_size, 200), 1), 500);
    cutoff     timestamptz := now() - make_interval(days => coalesce(stale_days, 0));
BEGIN
    bypass := recruiter.reads_without_policies('recruiter.stats_application_facts');
    IF NOT bypass THEN
        SELECT s.user_id, s.company_id INTO signed_in, my_company FROM recruiter.resolve_session() s;
        IF signed_in IS NULL THEN
            RETURN;
        END IF;
        my_jobs := recruiter.session_job_ids();
    END IF;
    -- the rows in the index's order (ix_stats_application_facts_job_stale or _company_stale); one static
    -- statement per scope, so that each plan keeps its index
    IF job IS NOT NULL THEN
        picked := ARRAY(
            SELECT f FROM recruiter.stats_application_facts f
             WHERE f.counted AND f.status NOT IN ('accepted', 'rejected') AND f.last_move < cutoff
               AND (bypass OR CASE WHEN f.company_id = my_company THEN true ELSE f.job_id = ANY (my_jobs) END)
               AND f.job_id = job
             ORDER BY f.last_move, f.application_id
             LIMIT page);
    ELSIF company IS NOT NULL THEN
        picked := ARRAY(
            SELECT f FROM recruiter.stats_application_facts f
             WHERE f.counted AND f.status NOT IN ('accepted', 'rejected') AND f.last_move < cutoff
               AND (bypass OR CASE WHEN f.company_id = my_company THEN true ELSE f.job_id = ANY (my_jobs) END)
               AND f.company_id = company
             ORDER BY f.last_move, f.application_id
             LIMIT page);
    ELSE
        picked := ARRAY(
            SELECT f FROM recruiter.stats_application_facts f
             WHERE f.counted AND f.status NOT IN ('accepted', 'rejected') AND f.last_move < cutoff
               AND (bypass OR CASE WHEN f.company_id = my_company THEN true ELSE f.job_id = ANY (my_jobs) END)
               AND f.job_id IN (SELECT m.job_id FROM recruiter.job_hiring_managers m WHERE m.user_id = manager)
             ORDER BY f.last_move, f.application_id
             LIMIT page);
    END IF;
    RETURN QUERY
    SELECT w.application_id, w.job_id,
           (SELECT j.title::text FROM public.jobs j WHERE j.id = w.job_id),
           (SELECT pg_catalog.btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))::text
              FROM public.candidates c JOIN public.users u ON u.id = c.user_id
             WHERE c.id = w.candidate_id),
           w.status::text, w.last_move
      FROM unnest(picked) WITH ORDINALITY w
     ORDER BY w.ordinality;
END
$$;
REVOKE ALL ON FUNCTION recruiter.stale_applications(integer, integer, integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.stale_applications(integer, integer, integer, integer, integer) TO recruiter_app;
