-- V53: a board column's page is read after one check of its job, not through row-level security per card (issue 16).
--
-- Why: the board's page joined each card's application, candidate, user and last status event under row-level
-- security, whose policies nest (the users policy asks whether a visible candidate has that user, which asks the
-- candidates policy, which asks the applications policy, ...). Measured as the client with EXPLAIN (ANALYZE, BUFFERS)
-- on the large data set, a hiring manager's column of 15 cards read 705 buffers after V52 and ran 13 sub-plans
-- that each resolve the session (about 0.03 ms each), where the same statement as the tables' owner reads 154
-- buffers. Her board page was the one read of issue 16 above 2 ms p95.
--
-- Now recruiter.board_page checks once that the job is one the session may read, with the jobs policy's own rule
-- (the session's company's job, or a job it is a hiring manager of), and then reads the column as the owner. It
-- returns nothing more than the policies would: every card of a readable job is readable, with its candidate (a
-- candidate with an application to a readable job is readable: company_candidates for a recruiter, the managed
-- jobs' applications for a hiring manager), that candidate's user, and the application's status events. A job the
-- session may not read gives no rows, as before. The tables' owner (the laptop's offline copy is read as its
-- owner) and roles that bypass row-level security read the column with no session, as they did. The filters and
-- both orders are the mapper's, with the same index conditions (the keyset, and the AI order's minimum score, on
-- ix_job_applications_job_applied and ix_job_applications_job_ai_score): one static statement per order, planned
-- once per connection (force_generic_plan; a custom plan per call cost 0.8 ms of planning). At most 200 cards a
-- call. The status is compared as text, so the plan walks the order index and filters the status rather than
-- reading the whole column from ix_job_applications_board (no order for the keyset's ties) and sorting it.
--
-- recruiter.board_card_rows is the join the statements share, for this function only: no client may read it.

CREATE OR REPLACE VIEW recruiter.board_card_rows AS
SELECT a.id AS application_id, a.job_id, a.status, a.deleted_at, a.version, a.applied_at, a.rating, a.tags,
       a.source_ref, a.ai_score, (a.ai_analyzed_at IS NOT NULL OR a.ai_score_details IS NOT NULL) AS ai_analysed,
       pg_catalog.btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))::text AS candidate_name,
       recruiter.person_name_key(u.first_name, u.last_name) AS name_key,
       c.title::text AS candidate_title, coalesce(e.changed_at, a.applied_at) AS status_since
  FROM public.job_applications a
  JOIN public.candidates c ON c.id = a.candidate_id AND c.deleted_at IS NULL
  JOIN public.users u ON u.id = c.user_id
  LEFT JOIN LATERAL (SELECT ev.changed_at
                       FROM recruiter.application_status_events ev
                      WHERE ev.application_id = a.id
                      ORDER BY ev.changed_at DESC
                      LIMIT 1) e ON true;
REVOKE ALL ON recruiter.board_card_rows FROM PUBLIC;
COMMENT ON VIEW recruiter.board_card_rows IS
    'The board''s cards, joined; read only by recruiter.board_page (V53), which checks the job first.';

CREATE OR REPLACE FUNCTION recruiter.board_page(job integer, wanted_status text,
                                                after_applied timestamptz, after_id integer, after_score double precision,
                                                by_score boolean, page_size integer,
                                                name_pattern text, min_rating integer, wanted_tags text[],
                                                wanted_sources text[], min_score integer)
    RETURNS TABLE (application_id integer, version integer, status text, candidate_name text, candidate_title text,
                   applied_at timestamptz, status_since timestamptz, rating integer, tags text,
                   ai_score double precision, ai_analysed boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
    ROWS 50
AS $$
#variable_conflict use_column
DECLARE
    signed_in integer;
    company   integer;
    -- a status outside the six is refused here; compared as text below so that ix_job_applications_board
    -- (job_id, status, applied_at), which has no order for the keyset's ties, cannot be chosen with a sort over
    -- the whole column (a 5,000-card column): the column's order index is walked and the status filtered
    wanted    text := wanted_status::public.applicationstatus::text;
    page      integer := least(greatest(coalesce(page_size, 50), 1), 200);
    pattern   text := recruiter.fold_text(name_pattern);
    bypass    boolean;
BEGIN
    -- who row-level security would not filter (the tables' owner, as on the laptop's offline copy, or a role that
    -- bypasses it) reads the column as before, with no session; a client login cannot change its session user
    SELECT r.rolbypassrls OR pg_catalog.pg_has_role(session_user, t.relowner, 'USAGE')
      INTO bypass
      FROM pg_catalog.pg_roles r, pg_catalog.pg_class t
     WHERE r.rolname = session_user AND t.oid = 'public.job_applications'::pg_catalog.regclass;
    IF NOT bypass THEN
        SELECT s.user_id, s.company_id INTO signed_in, company FROM recruiter.resolve_session() s;
        IF signed_in IS NULL OR NOT EXISTS (
                SELECT 1 FROM public.jobs j
                 WHERE j.id = job
                   AND (j.company_id = company
                        OR EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m
                                    WHERE m.job_id = j.id AND m.user_id = signed_in))) THEN
            RETURN;
        END IF;
    END IF;
    IF by_score THEN
        -- best AI match first, unscored last: the expression of ix_job_applications_job_ai_score
        RETURN QUERY
        SELECT r.application_id, r.version, r.status::text, r.candidate_name, r.candidate_title, r.applied_at,
               r.status_since, r.rating, r.tags::text, r.ai_score, r.ai_analysed
          FROM recruiter.board_card_rows r
         WHERE r.job_id = job AND r.status::text = wanted AND r.deleted_at IS NULL
           AND coalesce(r.ai_score, '-1'::double precision) >= coalesce(min_score, -1)::double precision
           AND coalesce(r.ai_score, '-1'::double precision) <= coalesce(after_score, 'infinity'::double precision)
           AND (after_id IS NULL OR coalesce(r.ai_score, '-1'::double precision) < after_score
                OR r.application_id < after_id)
           AND (pattern IS NULL OR r.name_key ILIKE pattern)
           AND (min_rating IS NULL OR r.rating >= min_rating)
           AND (wanted_tags IS NULL OR (pg_catalog.jsonb_typeof(r.tags) = 'array'
                                        AND pg_catalog.jsonb_exists_any(r.tags, wanted_tags)))
           AND (wanted_sources IS NULL OR coalesce(r.source_ref, '') = ANY (wanted_sources))
         ORDER BY coalesce(r.ai_score, '-1'::double precision) DESC, r.application_id DESC
         LIMIT page;
        RETURN;
    END IF;
    -- newest first, on ix_job_applications_job_applied (job_id, applied_at DESC, id DESC): undated applications
    -- sort first there, so they are a page's first part (none after a dated card), then the dated ones from the key
    RETURN QUERY
    SELECT d.* FROM (
        (SELECT r.application_id, r.version, r.status::text, r.candidate_name, r.candidate_title, r.applied_at,
                r.status_since, r.rating, r.tags::text, r.ai_score, r.ai_analysed
           FROM recruiter.board_card_rows r
          WHERE r.job_id = job AND r.status::text = wanted AND r.deleted_at IS NULL
            AND r.applied_at IS NULL AND after_applied IS NULL AND (after_id IS NULL OR r.application_id < after_id)
            AND (min_score IS NULL OR r.ai_score >= min_score)
            AND (pattern IS NULL OR r.name_key ILIKE pattern)
            AND (min_rating IS NULL OR r.rating >= min_rating)
            AND (wanted_tags IS NULL OR (pg_catalog.jsonb_typeof(r.tags) = 'array'
                                         AND pg_catalog.jsonb_exists_any(r.tags, wanted_tags)))
            AND (wanted_sources IS NULL OR coalesce(r.source_ref, '') = ANY (wanted_sources))
          ORDER BY r.application_id DESC
          LIMIT page)
        UNION ALL
        (SELECT r.application_id, r.version, r.status::text, r.candidate_name, r.candidate_title, r.applied_at,
                r.status_since, r.rating, r.tags::text, r.ai_score, r.ai_analysed
           FROM recruiter.board_card_rows r
          WHERE r.job_id = job AND r.status::text = wanted AND r.deleted_at IS NULL
            AND r.applied_at <= coalesce(after_applied, 'infinity'::timestamptz)
            AND (after_applied IS NULL OR r.applied_at < after_applied OR r.application_id < after_id)
            AND (min_score IS NULL OR r.ai_score >= min_score)
            AND (pattern IS NULL OR r.name_key ILIKE pattern)
            AND (min_rating IS NULL OR r.rating >= min_rating)
            AND (wanted_tags IS NULL OR (pg_catalog.jsonb_typeof(r.tags) = 'array'
                                         AND pg_catalog.jsonb_exists_any(r.tags, wanted_tags)))
            AND (wanted_sources IS NULL OR coalesce(r.source_ref, '') = ANY (wanted_sources))
          ORDER BY r.applied_at DESC, r.application_id DESC
          LIMIT page)) d
     ORDER BY d.applied_at DESC NULLS FIRST, d.application_id DESC
     LIMIT page;
END
$$;
REVOKE ALL ON FUNCTION recruiter.board_page(integer, text, timestamptz, integer, double precision, boolean, integer,
                                            text, integer, text[], text[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.board_page(integer, text, timestamptz, integer, double precision, boolean,
                                               integer, text, integer, text[], text[], integer) TO recruiter_app;
