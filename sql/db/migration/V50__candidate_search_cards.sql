-- V50: candidate search returns what the hit list shows, and a small scope is read once (issue 16).
--
-- Why: for a hiring manager the Candidates section's search took 2.2-2.4 ms p95, above the 2 ms a screen's read
-- may take. Two costs, both measured on the large data set:
--   * the mapper joined the hits to candidates and users under row-level security, whose policies nest (the
--     users policy asks whether a visible candidate has that user, which asks the candidates policy, which probes
--     the managed jobs' applications): about 32 buffers a hit (867 for 27 hits). The function has just chosen these candidates
--     within the session's scope, so search_candidate_cards returns their name, title, place and years itself;
--   * a search with no exact hit read the scope's documents twice, once per pass (exact words, then prefixes).
--     The small-scope path now reads each document once, keeps both matches, and returns the exact ones when
--     there are any, else the prefix ones: the same answer (compared word by word), 1.4 ms to 0.8 ms for a
--     zero-hit search of 418 candidates. The large-company path, driven by the GIN index, is unchanged.
-- The match itself moves to recruiter.candidate_search_hits, which takes the scope as arguments and so is
-- executable by no client; search_candidates (V39's, same signature) and the new search_candidate_cards (SECURITY
-- DEFINER both) pass the session's scope to it.

CREATE OR REPLACE FUNCTION recruiter.candidate_search_hits(company integer, managed integer[], query text,
                                                           min_years integer, wanted integer)
    RETURNS TABLE (candidate_id integer, rank real, capped boolean)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    SET plan_cache_mode = force_generic_plan
    ROWS 50
AS $$
#variable_conflict use_column
DECLARE
    scanned  integer := wanted * 4;
    large    boolean;
    exact_q  tsquery := recruiter.search_query(query);
    prefix_q tsquery := recruiter.prefix_query(query);
    q        tsquery;
    pass     integer;
BEGIN
    IF exact_q IS NOT NULL AND pg_catalog.numnode(exact_q) = 0 THEN
        exact_q := NULL;
    END IF;
    IF prefix_q IS NOT NULL AND pg_catalog.numnode(prefix_q) = 0 THEN
        prefix_q := NULL;
    END IF;
    IF exact_q IS NULL AND prefix_q IS NULL THEN
        RETURN;
    END IF;
    large := company IS NOT NULL AND EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                                               WHERE cc.company_id = company OFFSET 1500);
    IF NOT large THEN
        RETURN QUERY
        WITH scope AS MATERIALIZED (
            SELECT cc.candidate_id FROM recruiter.company_candidates cc WHERE cc.company_id = company
            UNION
            SELECT a.candidate_id FROM public.job_applications a
             WHERE a.job_id = ANY (managed) AND a.deleted_at IS NULL),
        matched AS MATERIALIZED (
            SELECT s.candidate_id, x.exact,
                   pg_catalog.ts_rank(s.document, CASE WHEN x.exact THEN exact_q ELSE prefix_q END) AS rank
              FROM scope
              -- OFFSET 0: each of the few documents by primary key; the generic plan does not know the scope is
              -- small and otherwise read every platform hit through the GIN index (38 ms for 19 candidates)
              CROSS JOIN LATERAL (SELECT d.candidate_id, d.document FROM recruiter.candidate_search d
                                   WHERE d.candidate_id = scope.candidate_id OFFSET 0) s
              CROSS JOIN LATERAL (SELECT coalesce(s.document @@ exact_q, false) AS exact) x
              JOIN public.candidates c ON c.id = s.candidate_id
             WHERE (x.exact OR coalesce(s.document @@ prefix_q, false))
               AND c.deleted_at IS NULL
               AND (min_years IS NULL OR c.years_experience >= min_years))
        SELECT m.candidate_id, m.rank, false
          FROM matched m
         WHERE m.exact OR NOT EXISTS (SELECT 1 FROM matched e WHERE e.exact)
         ORDER BY 2 DESC, 1
         LIMIT wanted;
        RETURN;
    END IF;
    FOR pass IN 1..2 LOOP
        q := CASE pass WHEN 1 THEN exact_q ELSE prefix_q END;
        CONTINUE WHEN q IS NULL;
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
        IF FOUND THEN
            RETURN;
        END IF;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION recruiter.candidate_search_hits(integer, integer[], text, integer, integer) FROM PUBLIC;

-- What the Candidates section's list shows, for the same hits in the same order.
CREATE OR REPLACE FUNCTION recruiter.search_candidate_cards(query text, min_years integer, max_hits integer)
    RETURNS TABLE (candidate_id integer, rank real, capped boolean, name text, title text, location text,
                   years_experience integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    SET plan_cache_mode = force_generic_plan
    ROWS 50
AS $$
#variable_conflict use_column
DECLARE
    company  integer := recruiter.session_company_id();
    managed  integer[] := recruiter.session_job_ids();
BEGIN
    IF pg_catalog.length(query) > 500 THEN
        RAISE EXCEPTION 'Search for at most 500 characters.' USING ERRCODE = 'string_data_right_truncation';
    END IF;
    IF company IS NULL AND coalesce(pg_catalog.cardinality(managed), 0) = 0 THEN
        RETURN;
    END IF;
    RETURN QUERY
    SELECT h.candidate_id, h.rank, h.capped, p.name, p.title, p.location, p.years_experience
      FROM recruiter.candidate_search_hits(company, managed, query, min_years,
                                           greatest(1, least(coalesce(max_hits, 50), 200))) h
      -- OFFSET 0: each hit by primary key; the generic plan does not know there are at most 200 hits and
      -- otherwise hashes all candidates
      CROSS JOIN LATERAL (
            SELECT pg_catalog.btrim(coalesce(u.first_name::text, '') || ' ' || coalesce(u.last_name::text, ''))
                       AS name,
                   c.title::text AS title, c.location::text AS location, c.years_experience::integer AS years_experience
              FROM public.candidates c
              JOIN public.users u ON u.id = c.user_id
             WHERE c.id = h.candidate_id
            OFFSET 0) p
     ORDER BY h.rank DESC, h.candidate_id;
END
$$;
REVOKE ALL ON FUNCTION recruiter.search_candidate_cards(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_candidate_cards(text, integer, integer) TO recruiter_app;

-- V39's function keeps its signature (a client of the previous version calls it, and V39 must stay re-runnable
-- over this one's result): the same hits, without what the list shows.
CREATE OR REPLACE FUNCTION recruiter.search_candidates(query text, min_years integer, max_hits integer)
    RETURNS TABLE (candidate_id integer, rank real, capped boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    ROWS 50
AS $$
    SELECT c.candidate_id, c.rank, c.capped FROM recruiter.search_candidate_cards(query, min_years, max_hits) c
$$;
REVOKE ALL ON FUNCTION recruiter.search_candidates(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_candidates(text, integer, integer) TO recruiter_app;
