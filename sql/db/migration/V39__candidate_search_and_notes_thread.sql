-- V39: candidate search within what the session may see, and the notes thread by author (issue 19, points 4-5).
--
-- For the web platform: candidate_search documents now also hold the candidate's location and the titles and
-- companies of their experiences (one more AFTER row trigger, on experiences, same SECURITY DEFINER function as
-- V13's); the client may no longer UPDATE job_applications.recruiter_notes directly (it appends and deletes its
-- own notes through two functions, in the platform's format). Nothing the platform reads or writes changes.
--
-- 1. Document. V13's document had name, title, skills and summary; a recruiter also searches by place and by
--    past positions ("comptable SGBCI", "Douala"). Location is weight B, experiences (title and company) weight
--    B. The triggers on candidates also fire for location; a new one on experiences. Existing rows are
--    recomputed in batches of 5,000 committed each (12 s for 50,000 candidates on the large data set copy), so
--    the platform's writes never queue behind one long transaction.
-- 2. recruiter.search_candidates(query, min_years, max_hits): the candidates the session can see whose document
--    matches, best first. SECURITY DEFINER for the same reason as search_visible_jobs (V36): the match operator
--    is not LEAKPROOF, so under row-level security no index could serve it; the function scopes by itself:
--    the session company's candidates (recruiter.company_candidates) and the candidates of the jobs the session
--    manages (hiring managers see only those). Two plans, chosen by the company's size:
--      - a company of more than 1,500 candidates: the GIN index of the documents, each hit checked against the
--        company by primary key, the first 4 x max_hits hits ranked ("capped" tells the caller there may be
--        better ones further: the screen asks for more words). The cost follows max_hits, not the platform's
--        hits: 1.3 ms to build the bitmap of the most common word (8,651 candidates) is the floor.
--      - a smaller company (or a hiring manager): its own candidates by primary key, every match ranked.
--    A word that matches nothing as a word ("aissat", a name cut short) is tried again as a prefix.
-- 3. Notes thread (job_applications.recruiter_notes, the platform's format: an array, oldest first, of
--    {"user_id", "user_name", "note" (1-2,000 characters), "created_at" (ISO-8601 with zone)}):
--    recruiter.add_application_note(application, note) appends one as the signed-in person;
--    recruiter.delete_application_note(application, index, created_at) removes one of the caller's own (by
--    index as the platform does, checked against its time so a thread changed meanwhile is refused, not
--    mis-deleted). Both return the new version and thread. The column-level UPDATE grant on recruiter_notes is
--    revoked, so the author and time cannot be forged, nor others' notes removed.
--
-- Runs outside a transaction (see the .conf file): triggers through recruiter.apply_ddl, the backfill in
-- committed batches. Re-runnable.

-- 1. Document -------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION recruiter.candidate_search_document(p_candidate_id integer) RETURNS tsvector
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.simple'::regconfig,
               recruiter.person_name_key(u.first_name, u.last_name)), 'A')
        || recruiter.bilingual_tsvector(c.title, 'A')
        || recruiter.bilingual_tsvector((SELECT pg_catalog.string_agg(s.name, ' ' ORDER BY s.id)
                                           FROM public.skills s WHERE s.candidate_id = c.id), 'B')
        || recruiter.bilingual_tsvector(c.location, 'B')
        || recruiter.bilingual_tsvector((SELECT pg_catalog.string_agg(x.title || ' ' || x.company, ' ' ORDER BY x.id)
                                           FROM public.experiences x WHERE x.candidate_id = c.id), 'B')
        || recruiter.bilingual_tsvector(c.summary, 'C')
      FROM public.candidates c
      JOIN public.users u ON u.id = c.user_id
     WHERE c.id = p_candidate_id;
END;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_on_experience() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM recruiter.refresh_candidate_search(OLD.candidate_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.candidate_id IS DISTINCT FROM OLD.candidate_id) THEN
        PERFORM recruiter.refresh_candidate_search(NEW.candidate_id);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.candidate_search_on_experience() FROM PUBLIC;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search
    AFTER INSERT OR UPDATE OF user_id, title, summary, location ON public.candidates
    FOR EACH ROW EXECUTE FUNCTION recruiter.candidate_search_on_candidate()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search
    AFTER INSERT OR UPDATE OF candidate_id, title, company OR DELETE ON public.experiences
    FOR EACH ROW EXECUTE FUNCTION recruiter.candidate_search_on_experience()
$ddl$
]);

-- Documents written before this migration, in committed batches; rows already equal (a re-run) are skipped.
DO $$
DECLARE
    from_id integer := 0;
    last_id integer := (SELECT coalesce(max(candidate_id), 0) FROM recruiter.candidate_search);
BEGIN
    WHILE from_id <= last_id LOOP
        UPDATE recruiter.candidate_search s
           SET document = recruiter.candidate_search_document(s.candidate_id), refreshed_at = now()
         WHERE s.candidate_id > from_id AND s.candidate_id <= from_id + 5000
           AND s.document IS DISTINCT FROM recruiter.candidate_search_document(s.candidate_id);
        from_id := from_id + 5000;
        COMMIT;
    END LOOP;
END
$$;

-- 2. Search ---------------------------------------------------------------------------------------------------

-- Every word typed, accent-folded, as a prefix, all required ('aissat ngu' -> 'aissat':* & 'ngu':*); NULL when
-- nothing is left to search.
CREATE OR REPLACE FUNCTION recruiter.prefix_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN w.words <> '' THEN
               pg_catalog.to_tsquery('pg_catalog.simple'::regconfig,
                   pg_catalog.regexp_replace(w.words, '\s+', ':* & ', 'g') || ':*') END
      FROM (SELECT pg_catalog.btrim(pg_catalog.regexp_replace(recruiter.fold_text(coalesce(query, '')),
                                                              '[^[:alnum:]]+', ' ', 'g')) AS words) w
$$;

CREATE OR REPLACE FUNCTION recruiter.search_candidates(query text, min_years integer, max_hits integer)
    RETURNS TABLE (candidate_id integer, rank real, capped boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    SET plan_cache_mode = force_generic_plan
    ROWS 50
AS $$
DECLARE
    company  integer := recruiter.session_company_id();
    managed  integer[] := recruiter.session_job_ids();
    wanted   integer := greatest(1, least(coalesce(max_hits, 50), 200));
    scanned  integer := wanted * 4;
    large    boolean;
    q        tsquery;
    pass     integer;
BEGIN
    IF pg_catalog.length(query) > 500 THEN
        RAISE EXCEPTION 'Search for at most 500 characters.' USING ERRCODE = 'string_data_right_truncation';
    END IF;
    IF company IS NULL AND coalesce(pg_catalog.cardinality(managed), 0) = 0 THEN
        RETURN;
    END IF;
    large := company IS NOT NULL AND EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                                               WHERE cc.company_id = company OFFSET 1500);
    FOR pass IN 1..2 LOOP
        q := CASE pass WHEN 1 THEN recruiter.search_query(query) ELSE recruiter.prefix_query(query) END;
        CONTINUE WHEN q IS NULL OR pg_catalog.numnode(q) = 0;
        IF large THEN
            RETURN QUERY
            WITH hits AS MATERIALIZED (
                SELECT s.candidate_id, s.document
                  FROM recruiter.candidate_search s
                  JOIN public.candidates c ON c.id = s.candidate_id
                 WHERE s.document @@ q
                   AND c.deleted_at IS NULL
                   AND (min_years IS NULL OR c.years_experience >= min_years)
                   -- OFFSET 0: one primary-key probe per hit, never a hash of the whole company's
                   -- candidates (36,810 entries, 15 ms, which the planner chose for the OR's alternative)
                   AND (EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                                 WHERE cc.company_id = company AND cc.candidate_id = s.candidate_id OFFSET 0)
                        OR (pg_catalog.cardinality(managed) > 0
                            AND EXISTS (SELECT 1 FROM public.job_applications a
                                         WHERE a.candidate_id = s.candidate_id AND a.job_id = ANY (managed)
                                           AND a.deleted_at IS NULL OFFSET 0)))
                 LIMIT scanned)
            SELECT h.candidate_id, pg_catalog.ts_rank(h.document, q),
                   (SELECT count(*) FROM hits) >= scanned
              FROM hits h
             ORDER BY 2 DESC, 1
             LIMIT wanted;
        ELSE
            RETURN QUERY
            WITH scope AS MATERIALIZED (
                SELECT cc.candidate_id FROM recruiter.company_candidates cc WHERE cc.company_id = company
                UNION
                SELECT a.candidate_id FROM public.job_applications a
                 WHERE a.job_id = ANY (managed) AND a.deleted_at IS NULL)
            SELECT s.candidate_id, pg_catalog.ts_rank(s.document, q), false
              FROM scope
              -- OFFSET 0: each of the few documents by primary key; the generic plan does not know the scope is
              -- small and otherwise read every platform hit through the GIN index (38 ms for 19 candidates)
              CROSS JOIN LATERAL (SELECT d.candidate_id, d.document FROM recruiter.candidate_search d
                                   WHERE d.candidate_id = scope.candidate_id OFFSET 0) s
              JOIN public.candidates c ON c.id = s.candidate_id
             WHERE s.document @@ q
               AND c.deleted_at IS NULL
               AND (min_years IS NULL OR c.years_experience >= min_years)
             ORDER BY 2 DESC, 1
             LIMIT wanted;
        END IF;
        IF FOUND THEN
            RETURN;
        END IF;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION recruiter.prefix_query(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.search_candidates(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_candidates(text, integer, integer) TO recruiter_app;

-- 3. Notes thread ---------------------------------------------------------------------------------------------

-- The application, if the session may write to it (its company's job, or a job it manages), locked for the
-- change; raises IW404 otherwise (the same answer for another company's application as for none).
CREATE OR REPLACE FUNCTION recruiter.writable_application(p_application_id integer)
    RETURNS public.job_applications
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found_row public.job_applications;
BEGIN
    SELECT a.* INTO found_row
      FROM public.job_applications a
      JOIN public.jobs j ON j.id = a.job_id
     WHERE a.id = p_application_id
       AND a.deleted_at IS NULL
       AND (j.company_id = recruiter.session_company_id() OR j.id = ANY (recruiter.session_job_ids()))
       FOR NO KEY UPDATE OF a;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'This application is not visible to you (removed, or not one of your jobs).'
            USING ERRCODE = 'IW404';
    END IF;
    RETURN found_row;
END
$$;
REVOKE ALL ON FUNCTION recruiter.writable_application(integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.add_application_note(application_id integer, note text)
    RETURNS TABLE (version integer, recruiter_notes jsonb)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    author  integer := recruiter.session_user_id();
    app     public.job_applications;
    entry   jsonb;
    thread  jsonb;
BEGIN
    IF author IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.' USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    IF note IS NULL OR pg_catalog.btrim(note) = '' OR pg_catalog.length(note) > 2000 THEN
        RAISE EXCEPTION 'A note has 1 to 2,000 characters.' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    app := recruiter.writable_application(add_application_note.application_id);
    SELECT pg_catalog.jsonb_build_object(
               'user_id', u.id,
               'user_name', pg_catalog.btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')),
               'note', pg_catalog.btrim(note),
               'created_at', pg_catalog.to_jsonb(pg_catalog.statement_timestamp()))
      INTO entry
      FROM public.users u WHERE u.id = author;
    -- a thread written as something else than an array by hand is kept as its first element, never dropped
    thread := CASE WHEN app.recruiter_notes IS NULL OR app.recruiter_notes = 'null'::jsonb THEN '[]'::jsonb
                   WHEN pg_catalog.jsonb_typeof(app.recruiter_notes) = 'array' THEN app.recruiter_notes
                   ELSE pg_catalog.jsonb_build_array(app.recruiter_notes) END
              || pg_catalog.jsonb_build_array(entry);
    IF pg_catalog.pg_column_size(thread) > 262144 THEN
        RAISE EXCEPTION 'This application''s notes are full (256 kB); delete old notes of yours first.'
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    RETURN QUERY
    UPDATE public.job_applications a SET recruiter_notes = thread
     WHERE a.id = app.id
    RETURNING a.version, a.recruiter_notes;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.delete_application_note(application_id integer, note_index integer,
                                                             created_at timestamptz)
    RETURNS TABLE (version integer, recruiter_notes jsonb)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    author  integer := recruiter.session_user_id();
    app     public.job_applications;
    target  jsonb;
BEGIN
    IF author IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.' USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    app := recruiter.writable_application(delete_application_note.application_id);
    IF pg_catalog.jsonb_typeof(app.recruiter_notes) = 'array' AND note_index >= 0 THEN
        target := app.recruiter_notes -> note_index;
    END IF;
    IF target IS NULL OR pg_catalog.jsonb_typeof(target) <> 'object'
       OR NOT (target ? 'created_at')
       OR (target ->> 'created_at')::timestamptz IS DISTINCT FROM delete_application_note.created_at THEN
        RAISE EXCEPTION 'This note was changed or removed meanwhile; the thread is shown again as it is now.'
            USING ERRCODE = 'IW409';
    END IF;
    IF (target ->> 'user_id') IS DISTINCT FROM author::text THEN
        RAISE EXCEPTION 'Only its author can delete a note.' USING ERRCODE = 'IW403';
    END IF;
    RETURN QUERY
    UPDATE public.job_applications a SET recruiter_notes = app.recruiter_notes - note_index
     WHERE a.id = app.id
    RETURNING a.version, a.recruiter_notes;
END
$$;
REVOKE ALL ON FUNCTION recruiter.add_application_note(integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.delete_application_note(integer, integer, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.add_application_note(integer, text) TO recruiter_app;
GRANT EXECUTE ON FUNCTION recruiter.delete_application_note(integer, integer, timestamptz) TO recruiter_app;

-- The author and time of a note are the server's: the client writes the thread only through the two functions.
REVOKE UPDATE (recruiter_notes) ON public.job_applications FROM recruiter_app;
