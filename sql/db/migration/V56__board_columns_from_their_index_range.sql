-- V56: a board column's page read from its own index range, also in a job of thousands of applications (issue 16).
--
-- Why: recruiter.board_page (V53) walked a job's applications newest first (ix_job_applications_job_applied) and
-- kept those of the column's status: for a column that is a small part of a large job it read many entries to
-- fill a page. Opening the board of the bench's 5,000-application job, its six first pages took 2-8 ms each as
-- the client (the Accepted column, 100 cards, read the job's entries down to its 50th accepted one). V8's
-- ix_job_applications_board (job_id, status, applied_at DESC) had the status but no order for the keyset's ties
-- (applications applied at the same moment), so V53 compared the status as text to keep the planner off it.
--
-- Now ix_job_applications_board carries id DESC as its last column: a column's cards are one range of it, in the
-- page's order (applied_at DESC, id DESC, undated first), and the keyset starts the range. It replaces V8's index
-- of the same name (same columns, one more): the platform's board queries, which filter job and status, use it as
-- before, and no index is added to the writes. board_page is V53's with the newest-first arms comparing the status
-- in the column's own type (the enum, or on the platform's newer shape the domain over its varchar: decision 0011);
-- the AI order is unchanged.
--
-- Live-database safety like V37: outside a transaction, the index built CONCURRENTLY before the old one is dropped
-- (the name is taken over by a rename), an index left INVALID by an earlier failed build dropped and built again.

CALL recruiter.set_aside_invalid_indexes('public', ARRAY['ix_job_applications_board_v56']);
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_board_v56__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_board_v56
    ON public.job_applications (job_id, status, applied_at DESC, id DESC) WHERE deleted_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_board;
ALTER INDEX public.ix_job_applications_board_v56 RENAME TO ix_job_applications_board;

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
    -- a status outside the six is refused here. Newest first compares the column's own type, so that
    -- ix_job_applications_board (job_id, status, applied_at DESC, id DESC since V56) hands out the column's cards
    -- in the page's order; the AI order compares it as text, so that the status cannot lead its plan away from
    -- ix_job_applications_job_ai_score into a sort of the whole column
    wanted    text := wanted_status::public.applicationstatus::text;
    typed     public.applicationstatus := wanted_status::public.applicationstatus;
    page      integer := least(greatest(coalesce(page_size, 50), 1), 200);
    pattern   text := recruiter.fold_text(name_pattern);
    bypass    boolean;
BEGIN
    -- who row-level security would not filter (the tables' owner, as on the laptop's offline copy, or a role that
    -- bypasses it) reads the column as before, with no session
    bypass := recruiter.reads_without_policies('public.job_applications');
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
    -- newest first, on ix_job_applications_board (job_id, status, applied_at DESC, id DESC): undated applications
    -- sort first there, so they are a page's first part (none after a dated card), then the dated ones from the key
    RETURN QUERY
    SELECT d.* FROM (
        (SELECT r.application_id, r.version, r.status::text, r.candidate_name, r.candidate_title, r.applied_at,
                r.status_since, r.rating, r.tags::text, r.ai_score, r.ai_analysed
           FROM recruiter.board_card_rows r
          WHERE r.job_id = job AND r.status = typed AND r.deleted_at IS NULL
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
          WHERE r.job_id = job AND r.status = typed AND r.deleted_at IS NULL
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
