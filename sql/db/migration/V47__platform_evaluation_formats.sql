-- V47: the platform's own evaluation formats (issue 24, decision 0026).
--
-- 1. recruiter.platform_scorecard(jsonb): a scorecard object with `average` recomputed exactly as the platform
--    does on each update (mean of the numeric values, rounded to one decimal the way Python's round() does: half
--    to even on the binary value, so 3.25 -> 3.2 and 3.75 -> 3.8). The client's save statement and this migration
--    use it, so the client never writes an average the platform would not have written.
-- 2. Scorecards written by earlier clients in their own format ({"criteria": {"skills": 4, ...}, "comment": ...})
--    become the platform's flat object: skills -> technical_skills, communication -> soft_skills, experience and
--    motivation keep their names. Nothing is lost: the comment, and any score that cannot move (out of 1-5, an
--    unknown criterion, or a key the web already filled with another value), become a note of the platform's
--    recruiter_notes thread, appended, split into notes of at most 2,000 characters. The old format kept no author:
--    the note is the last client user who moved the application (its status events), else the recruiter who
--    posted the job; its time is the application's last change.
-- 3. ix_job_applications_job_ai_score: a column of the board in AI match order (unscored last), paged by keyset as
--    the newest-first order is on ix_job_applications_job_applied; the minimum-score filter is its range.
-- 4. ix_job_applications_tags (GIN, jsonb_path_ops) and recruiter.tagged_job_ids(tag): the pipeline's tag filter.
--    Under row-level security the containment operator is not leakproof, so no index serves it in the client's
--    own statement; the SECURITY DEFINER function reads the index and keeps the session's own jobs.
--
-- Columns used are the same in every schema shape the platform has produced (platform-schema-variants.md);
-- recruiter_notes is supplied by the beforeMigrate callback where it is missing. Runs outside a transaction (.conf):
-- indexes built CONCURRENTLY. Re-runnable: converted scorecards no longer match the old format.

CREATE OR REPLACE FUNCTION recruiter.platform_scorecard(card jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
               WHEN card IS NULL OR pg_catalog.jsonb_typeof(card) <> 'object' THEN card
               WHEN (card - 'average') = '{}'::jsonb THEN NULL
               ELSE (card - 'average')
                    || coalesce((SELECT pg_catalog.jsonb_build_object('average',
                                     pg_catalog.round((pg_catalog.round(pg_catalog.avg((e.value #>> '{}')::float8) * 10)
                                                       / 10)::numeric, 1))
                                   FROM pg_catalog.jsonb_each(card) e
                                  WHERE e.key <> 'average' AND pg_catalog.jsonb_typeof(e.value) = 'number'
                                 HAVING pg_catalog.count(*) > 0), '{}'::jsonb)
           END
$$;
COMMENT ON FUNCTION recruiter.platform_scorecard(jsonb) IS
    'The scorecard with average recomputed as the platform does (mean of numeric values, one decimal, half-even).';
REVOKE ALL ON FUNCTION recruiter.platform_scorecard(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.platform_scorecard(jsonb) TO recruiter_app;

-- An earlier client's scorecard as the platform's object, and what could not move (comment, stray scores) as text.
CREATE OR REPLACE FUNCTION recruiter.convert_client_scorecard(card jsonb, OUT scorecard jsonb, OUT note text)
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    criteria jsonb := CASE WHEN jsonb_typeof(card -> 'criteria') = 'object' THEN card -> 'criteria' ELSE '{}' END;
    e        record;
    target   text;
    stray    text[] := '{}';
    comment  text;
BEGIN
    scorecard := card - 'criteria' - 'comment';
    IF card ? 'criteria' AND jsonb_typeof(card -> 'criteria') <> 'object' THEN
        stray := stray || ('criteria ' || (card ->> 'criteria'));
    END IF;
    FOR e IN SELECT c.key, c.value FROM jsonb_each(criteria) c ORDER BY c.key LOOP
        target := CASE e.key WHEN 'skills' THEN 'technical_skills' WHEN 'communication' THEN 'soft_skills'
                             WHEN 'experience' THEN 'experience' WHEN 'motivation' THEN 'motivation' END;
        IF target IS NOT NULL AND jsonb_typeof(e.value) = 'number'
           AND (e.value #>> '{}') ~ '^[1-5](\.0+)?$'
           AND (NOT scorecard ? target OR scorecard -> target = to_jsonb((e.value #>> '{}')::numeric::integer)) THEN
            scorecard := scorecard || jsonb_build_object(target, (e.value #>> '{}')::numeric::integer);
        ELSIF jsonb_typeof(e.value) <> 'null' THEN
            stray := stray || (e.key || ' ' || (e.value #>> '{}'));
        END IF;
    END LOOP;
    scorecard := recruiter.platform_scorecard(scorecard);
    comment := CASE WHEN jsonb_typeof(card -> 'comment') = 'string' THEN btrim(card ->> 'comment')
                    WHEN card ? 'comment' AND jsonb_typeof(card -> 'comment') <> 'null' THEN (card -> 'comment')::text
               END;
    note := nullif(concat_ws(E'\n\n', nullif(comment, ''),
                             CASE WHEN cardinality(stray) > 0
                                  THEN 'Scorecard (IntoWork Recruiter): ' || array_to_string(stray, ', ') END), '');
END
$$;
REVOKE ALL ON FUNCTION recruiter.convert_client_scorecard(jsonb) FROM PUBLIC;

-- The conversion. The rows are few (only earlier clients wrote this format); one statement, so an application is
-- never seen half converted. V9's trigger bumps version and updated_at: a client still holding the old scorecard
-- is refused its save (and reloads) instead of writing the old format back, and the offline copies pull the row.
WITH old AS (
    SELECT a.id, a.job_id, a.updated_at, a.recruiter_notes, c.scorecard, c.note
      FROM public.job_applications a
     CROSS JOIN LATERAL recruiter.convert_client_scorecard(a.scorecard) c
     WHERE pg_catalog.jsonb_typeof(a.scorecard) = 'object'
       AND (a.scorecard ? 'criteria' OR a.scorecard ? 'comment')
), author AS (
    SELECT o.id, u.id AS user_id,
           pg_catalog.btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) AS user_name
      FROM old o
      JOIN public.jobs j ON j.id = o.job_id
      LEFT JOIN public.employers emp ON emp.id = j.employer_id
      JOIN public.users u ON u.id = coalesce(
               (SELECT ev.changed_by FROM recruiter.application_status_events ev
                 WHERE ev.application_id = o.id AND ev.source = 'client' AND ev.changed_by IS NOT NULL
                 ORDER BY ev.changed_at DESC, ev.id DESC LIMIT 1),
               emp.user_id)
), notes AS (
    SELECT o.id,
           coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                        'user_id', au.user_id, 'user_name', au.user_name,
                        'note', pg_catalog.substr(o.note, (p.n - 1) * 2000 + 1, 2000),
                        'created_at', pg_catalog.to_jsonb(o.updated_at)) ORDER BY p.n)
                    FILTER (WHERE p.n IS NOT NULL), '[]'::jsonb) AS added
      FROM old o
      LEFT JOIN author au ON au.id = o.id
      LEFT JOIN LATERAL pg_catalog.generate_series(1, (pg_catalog.length(o.note) + 1999) / 2000) AS p(n)
             ON o.note IS NOT NULL AND au.user_id IS NOT NULL
     GROUP BY o.id
)
UPDATE public.job_applications a
   SET scorecard = o.scorecard,
       recruiter_notes = CASE WHEN n.added = '[]'::jsonb THEN a.recruiter_notes
                              ELSE (CASE WHEN a.recruiter_notes IS NULL OR a.recruiter_notes = 'null'::jsonb THEN '[]'::jsonb
                                         WHEN pg_catalog.jsonb_typeof(a.recruiter_notes) = 'array' THEN a.recruiter_notes
                                         ELSE pg_catalog.jsonb_build_array(a.recruiter_notes) END) || n.added END,
       -- no author could be found (job without a recruiter): the old field keeps the comment instead
       notes = CASE WHEN o.note IS NOT NULL AND n.added = '[]'::jsonb
                    THEN concat_ws(E'\n\n', nullif(a.notes, ''), o.note) ELSE a.notes END
  FROM old o
  JOIN notes n ON n.id = o.id
 WHERE a.id = o.id;

-- Indexes (an INVALID one left by a failed concurrent build is built again).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname IN ('ix_job_applications_job_ai_score', 'ix_job_applications_tags')
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_job_ai_score__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_tags__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_job_ai_score
    ON public.job_applications (job_id, (coalesce(ai_score, '-1'::double precision)) DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_tags
    ON public.job_applications USING gin (tags jsonb_path_ops)
    WHERE deleted_at IS NULL AND tags IS NOT NULL;

-- The session's jobs (its company's, or those it manages) with a live application carrying the tag.
CREATE OR REPLACE FUNCTION recruiter.tagged_job_ids(tag text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    ROWS 50
AS $$
    SELECT DISTINCT a.job_id
      FROM public.job_applications a
      JOIN public.jobs j ON j.id = a.job_id
     WHERE a.tags @> pg_catalog.jsonb_build_array(tag)
       AND a.deleted_at IS NULL AND a.tags IS NOT NULL
       AND j.deleted_at IS NULL
       AND (j.company_id = recruiter.session_company_id() OR j.id = ANY (recruiter.session_job_ids()))
$$;
REVOKE ALL ON FUNCTION recruiter.tagged_job_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.tagged_job_ids(text) TO recruiter_app;
