-- V62: a Candidates search within a scope of up to 1,500 candidates (a hiring manager, a company below V61's
-- one-word path) reads a rare word's candidates from recruiter.candidate_search_terms instead of every document
-- of the scope (issue 16, decision 0036).
--
-- Why, measured on the large data set: a hiring manager's search probed her 417 candidates' documents one by
-- one whatever the word (about 1.5 us each here, 0.6-0.7 ms), so a word none of them has ("senior",
-- "candidatures") cost as much as a common one: 1.3-1.6 ms in pgbench, 2.05-2.09 ms p95 in the bench.
-- A word held by fewer candidates platform-wide than the scope has (244 entries for "project", none for
-- "senior") is cheaper from the terms: its entries, kept if in scope, then only their documents. The
-- partial-word pass ("senior:*") reads the index's range of the prefix, which needs the index in C collation
-- (byte order: the range is exactly the terms that start with the prefix, whatever the database's collation).
--
-- The rank index is rebuilt in C collation CONCURRENTLY under a new name and swapped (an INVALID leftover of a
-- failed build is dropped first); a re-run rebuilds it once. Equality in V61's one-word path reads it through
-- COLLATE "C" (same answers: equality is the same under every deterministic collation). Runs outside a
-- transaction (see the .conf file).

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                WHERE c.relnamespace = 'recruiter'::regnamespace AND c.relname = 'ix_candidate_search_terms_rank_v62'
                  AND NOT i.indisvalid) THEN
        RAISE WARNING 'Index recruiter.ix_candidate_search_terms_rank_v62 is INVALID (an earlier concurrent build '
                      'failed): dropping it and building it again.';
        ALTER INDEX recruiter.ix_candidate_search_terms_rank_v62 RENAME TO ix_candidate_search_terms_rank_v62__invalid;
    END IF;
END
$$;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_candidate_search_terms_rank_v62__invalid;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_candidate_search_terms_rank_v62
    ON recruiter.candidate_search_terms ((term COLLATE "C"), score DESC, candidate_id);

-- The one lexeme a query of one word holds in one configuration (websearch_to_tsquery's, or prefix_query's
-- "word:*" when prefix): read back from the query's text, where quotes and backslashes are doubled, and checked
-- by building the query again from it, so the lexeme means exactly q; NULL for any other query. Both of
-- search_candidate_cards' reads of candidate_search_terms take their lexemes from it. PL/pgSQL, not SQL: a SQL
-- body with a FROM is not inlined and was planned at each call (the hiring manager's "senior" 0.85-1.05 ms against
-- 0.62-0.65 without the helper, pgbench alternated; PL/pgSQL: within the noise).
CREATE OR REPLACE FUNCTION recruiter.query_lexeme(q tsquery, prefix boolean) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
AS $$
DECLARE
    shown  text;
    lexeme text;
    rebuilt tsquery;
BEGIN
    IF pg_catalog.numnode(q) <> 1 THEN
        RETURN NULL;
    END IF;
    shown := pg_catalog.querytree(q);
    lexeme := pg_catalog.replace(pg_catalog.replace(
                  pg_catalog.substr(shown, 2, pg_catalog.length(shown) - CASE WHEN prefix THEN 4 ELSE 2 END),
                  '''''', ''''), '\\', '\');
    IF lexeme = '' THEN
        RETURN NULL;
    ELSIF prefix THEN
        rebuilt := (recruiter.lexeme_query(lexeme)::text || ':*')::tsquery;
    ELSE
        rebuilt := recruiter.lexeme_query(lexeme);
    END IF;
    RETURN CASE WHEN rebuilt = q THEN lexeme END;
END
$$;
REVOKE ALL ON FUNCTION recruiter.query_lexeme(tsquery, boolean) FROM PUBLIC;

-- V61's one-word path first reads the new index (COLLATE "C"), so no search is left on an index about to go.
CREATE OR REPLACE FUNCTION recruiter.search_candidate_cards(query text, min_years integer, max_hits integer)
    RETURNS TABLE (candidate_id integer, rank real, capped boolean, name text, title text, location text,
                   years_experience integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    SET plan_cache_mode = force_generic_plan
    -- the generic plan costs each lexeme's whole range (its LIMIT stops it after a page): without this, JIT
    -- compiled the statement at every call, 17 ms
    SET jit = off
    ROWS 50
AS $$
#variable_conflict use_column
DECLARE
    company  integer := recruiter.session_company_id();
    managed  integer[] := recruiter.session_job_ids();
    wanted   integer := greatest(1, least(coalesce(max_hits, 50), 200));
    scanned  integer := wanted * 4;
    large    boolean;
    folded   text;
    parsed   tsquery[];
    exact_q  tsquery;
    prefix_q tsquery;
    terms    text[];
    lexeme   text;
    q        tsquery;
    pass     integer;
    scope    integer[];
    ids      integer[];
    ranks    real[];
    more     boolean;
    entries  integer[];
    cap      integer;
    upper_bound text;
    last_code   integer;
    exact_settled  boolean;
    prefix_settled boolean;
BEGIN
    IF pg_catalog.length(query) > 500 THEN
        RAISE EXCEPTION 'Search for at most 500 characters.' USING ERRCODE = 'string_data_right_truncation';
    END IF;
    IF company IS NULL AND coalesce(pg_catalog.cardinality(managed), 0) = 0 THEN
        RETURN;
    END IF;
    exact_q := recruiter.search_query(query);
    IF pg_catalog.numnode(exact_q) = 0 THEN
        exact_q := NULL;
        prefix_q := recruiter.prefix_query(query);
        IF prefix_q IS NULL OR pg_catalog.numnode(prefix_q) = 0 THEN
            RETURN;
        END IF;
    END IF;
    large := company IS NOT NULL AND EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                                               WHERE cc.company_id = company OFFSET 1500);
    IF NOT large THEN
        -- the scope's candidates as one array (the board's index hands out a job's live applicants from the
        -- index alone), then their documents in one index scan of the primary key (a lateral probe per candidate
        -- cost twice as much: 1.6 ms against 0.7 for a hiring manager's 417)
        scope := ARRAY(SELECT cc.candidate_id FROM recruiter.company_candidates cc WHERE cc.company_id = company
                       UNION
                       SELECT a.candidate_id FROM public.job_applications a
                        WHERE a.job_id = ANY (managed) AND a.deleted_at IS NULL);
    END IF;
    -- One word: each configuration's query (recruiter.search_query ORs the three) is a single lexeme (or empty: a
    -- stop word), so the terms mean exactly exact_q. Below 200 candidates in scope their documents cost less than
    -- this parse and the word's entries (see below), so it is skipped.
    IF exact_q IS NOT NULL AND (large OR pg_catalog.cardinality(scope) >= 200) THEN
        folded := recruiter.fold_text(query);
        parsed := ARRAY[pg_catalog.websearch_to_tsquery('pg_catalog.french', folded),
                        pg_catalog.websearch_to_tsquery('pg_catalog.english', folded),
                        pg_catalog.websearch_to_tsquery('pg_catalog.simple', folded)];
        terms := '{}';
        FOREACH q IN ARRAY parsed LOOP
            CONTINUE WHEN pg_catalog.numnode(q) = 0;
            lexeme := recruiter.query_lexeme(q, false);
            IF lexeme IS NULL THEN
                terms := NULL;
                EXIT;
            END IF;
            IF NOT lexeme = ANY (terms) THEN
                terms := terms || lexeme;
            END IF;
        END LOOP;
    END IF;
    IF large AND pg_catalog.cardinality(terms) > 0 THEN
        -- Each lexeme's candidates best first (recruiter.candidate_search_terms), kept while they are the
        -- company's (or of a job the user manages), live and experienced enough: about as many entries read as
        -- shown. One more than wanted tells whether there are more. OFFSET 0: one primary-key probe per entry.
        -- The rank index is in C collation (V62), hence COLLATE "C".
        WITH found AS MATERIALIZED (
            SELECT DISTINCT r.candidate_id
              FROM pg_catalog.unnest(terms) AS w(term)
             CROSS JOIN LATERAL (
                   SELECT t.candidate_id
                     FROM recruiter.candidate_search_terms t
                    WHERE (t.term COLLATE "C") = w.term
                      AND (EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                                    WHERE cc.company_id = company AND cc.candidate_id = t.candidate_id OFFSET 0)
                           OR (pg_catalog.cardinality(managed) > 0
                               AND EXISTS (SELECT 1 FROM public.job_applications a
                                            WHERE a.candidate_id = t.candidate_id AND a.job_id = ANY (managed)
                                              AND a.deleted_at IS NULL OFFSET 0)))
                      AND EXISTS (SELECT 1 FROM recruiter.candidate_search s
                                   WHERE s.candidate_id = t.candidate_id AND s.candidate_live
                                     AND (min_years IS NULL OR s.years_experience >= min_years) OFFSET 0)
                    ORDER BY t.score DESC, t.candidate_id
                    LIMIT wanted + 1) r),
        best AS (
            SELECT s.candidate_id, pg_catalog.ts_rank(s.document, exact_q) AS rank
              FROM found f
              JOIN recruiter.candidate_search s ON s.candidate_id = f.candidate_id
             ORDER BY 2 DESC, 1
             LIMIT wanted)
        SELECT pg_catalog.array_agg(b.candidate_id ORDER BY b.rank DESC, b.candidate_id),
               pg_catalog.array_agg(b.rank ORDER BY b.rank DESC, b.candidate_id),
               (SELECT count(*) FROM found) > wanted
          INTO ids, ranks, more
          FROM best b;
        -- none: no candidate of the company has the whole word, so the partial-word pass below
        IF ids IS NULL THEN
            exact_q := NULL;
        END IF;
    END IF;
    IF ids IS NULL AND prefix_q IS NULL THEN
        prefix_q := recruiter.prefix_query(query);
        IF prefix_q IS NOT NULL AND pg_catalog.numnode(prefix_q) = 0 THEN
            prefix_q := NULL;
        END IF;
    END IF;
    IF ids IS NULL AND NOT large THEN
        -- A word fewer candidates hold platform-wide than the scope has: its candidates from
        -- candidate_search_terms, kept if in scope, then only their documents, instead of every document of the
        -- scope. At most one entry per candidate in scope is read (LIMIT cap + 1), about a tenth of a document's
        -- cost (0.16 against 1.5 us here), so a common word loses little before the documents' pass below. The
        -- partial-word pass likewise, for one partial word, from the index's range of the prefix (C collation:
        -- the range is exactly the terms that start with it). A hiring manager's 417 candidates: 0.7-0.9 ms
        -- against 1.3-1.6 for "project", "senior" and "candidatures" (pgbench, alternated).
        cap := pg_catalog.cardinality(scope);
        exact_settled := exact_q IS NULL;
        prefix_settled := prefix_q IS NULL;
        FOR pass IN 1..2 LOOP
            EXIT WHEN ids IS NOT NULL;
            entries := NULL;
            IF pass = 1 AND NOT exact_settled AND pg_catalog.cardinality(terms) > 0 THEN
                q := exact_q;
                entries := ARRAY(SELECT t.candidate_id FROM recruiter.candidate_search_terms t
                                  WHERE (t.term COLLATE "C") = ANY (terms) LIMIT cap + 1);
            ELSIF pass = 2 AND exact_settled AND NOT prefix_settled AND pg_catalog.cardinality(scope) >= 200 THEN
                q := prefix_q;
                lexeme := recruiter.query_lexeme(q, true);
                last_code := pg_catalog.ascii(pg_catalog.right(lexeme, 1));
                -- the range's end: the prefix with its last character's code point one higher (not past the last
                -- code point, not into the surrogates, where chr fails: the documents' pass then)
                IF lexeme IS NOT NULL AND last_code < 1114111 AND last_code NOT BETWEEN 55295 AND 57342 THEN
                    upper_bound := pg_catalog.left(lexeme, -1) || pg_catalog.chr(last_code + 1);
                    entries := ARRAY(SELECT t.candidate_id FROM recruiter.candidate_search_terms t
                                      WHERE (t.term COLLATE "C") >= lexeme AND (t.term COLLATE "C") < upper_bound
                                      LIMIT cap + 1);
                END IF;
            END IF;
            CONTINUE WHEN entries IS NULL OR pg_catalog.cardinality(entries) > cap;
            SELECT pg_catalog.array_agg(b.candidate_id ORDER BY b.rank DESC, b.candidate_id),
                   pg_catalog.array_agg(b.rank ORDER BY b.rank DESC, b.candidate_id), false
              INTO ids, ranks, more
              FROM (SELECT d.candidate_id, pg_catalog.ts_rank(d.document, q) AS rank
                      FROM recruiter.candidate_search d
                     WHERE d.candidate_id = ANY (ARRAY(SELECT pg_catalog.unnest(entries)
                                                       INTERSECT SELECT pg_catalog.unnest(scope)))
                       AND d.candidate_live
                       AND (min_years IS NULL OR d.years_experience >= min_years)
                       -- the terms agree with the documents (triggers, and maintain's check); the documents decide
                       AND d.document @@ q
                     ORDER BY 2 DESC, 1
                     LIMIT wanted) b;
            -- settled: every match of this pass is known, so the documents' pass below is not needed for it
            IF pass = 1 THEN
                exact_settled := true;
                IF ids IS NULL THEN
                    exact_q := NULL;
                END IF;
            ELSE
                prefix_settled := true;
            END IF;
        END LOOP;
    END IF;
    IF ids IS NULL AND NOT large AND NOT (exact_settled AND prefix_settled) THEN
        WITH matched AS MATERIALIZED (
            SELECT d.candidate_id, d.document, coalesce(d.document @@ exact_q, false) AS exact
              FROM recruiter.candidate_search d
             WHERE d.candidate_id = ANY (scope)
               AND d.candidate_live
               AND (min_years IS NULL OR d.years_experience >= min_years)
               AND (coalesce(d.document @@ exact_q, false) OR coalesce(d.document @@ prefix_q, false))),
        best AS (
            SELECT m.candidate_id,
                   pg_catalog.ts_rank(m.document, CASE WHEN m.exact THEN exact_q ELSE prefix_q END) AS rank
              FROM matched m
             WHERE m.exact OR NOT EXISTS (SELECT 1 FROM matched e WHERE e.exact)
             ORDER BY 2 DESC, 1
             LIMIT wanted)
        SELECT pg_catalog.array_agg(b.candidate_id ORDER BY b.rank DESC, b.candidate_id),
               pg_catalog.array_agg(b.rank ORDER BY b.rank DESC, b.candidate_id), false
          INTO ids, ranks, more
          FROM best b;
    END IF;
    IF ids IS NULL AND large THEN
        FOR pass IN 1..2 LOOP
            q := CASE pass WHEN 1 THEN exact_q ELSE prefix_q END;
            CONTINUE WHEN q IS NULL;
            WITH hits AS MATERIALIZED (
                SELECT s.candidate_id, s.document
                  FROM recruiter.candidate_search s
                 WHERE s.document @@ q
                   AND s.candidate_live
                   AND (min_years IS NULL OR s.years_experience >= min_years)
                   -- OFFSET 0: one primary-key probe per hit, never a hash of the whole company's
                   -- candidates (36,810 entries, 15 ms, which the planner chose for the OR's alternative)
                   AND (EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                                 WHERE cc.company_id = company AND cc.candidate_id = s.candidate_id OFFSET 0)
                        OR (pg_catalog.cardinality(managed) > 0
                            AND EXISTS (SELECT 1 FROM public.job_applications a
                                         WHERE a.candidate_id = s.candidate_id AND a.job_id = ANY (managed)
                                           AND a.deleted_at IS NULL OFFSET 0)))
                 LIMIT scanned),
            best AS (
                SELECT h.candidate_id, pg_catalog.ts_rank(h.document, q) AS rank
                  FROM hits h
                 ORDER BY 2 DESC, 1
                 LIMIT wanted)
            SELECT pg_catalog.array_agg(b.candidate_id ORDER BY b.rank DESC, b.candidate_id),
                   pg_catalog.array_agg(b.rank ORDER BY b.rank DESC, b.candidate_id),
                   (SELECT count(*) FROM hits) >= scanned
              INTO ids, ranks, more
              FROM best b;
            EXIT WHEN ids IS NOT NULL;
        END LOOP;
    END IF;
    -- The cards: chosen within the session's scope above, so read here rather than under row-level security,
    -- whose nested policies cost about 32 buffers a hit (V50). OFFSET 0: each by primary key.
    RETURN QUERY
    SELECT h.candidate_id, h.rank, coalesce(more, false), p.name, p.title, p.location, p.years_experience
      FROM unnest(ids, ranks) WITH ORDINALITY AS h(candidate_id, rank, position)
     CROSS JOIN LATERAL (
           SELECT pg_catalog.btrim(coalesce(u.first_name::text, '') || ' ' || coalesce(u.last_name::text, ''))
                      AS name,
                  c.title::text AS title, c.location::text AS location, c.years_experience::integer AS years_experience
             FROM public.candidates c
             JOIN public.users u ON u.id = c.user_id
            WHERE c.id = h.candidate_id
           OFFSET 0) p
     ORDER BY h.position;
END
$$;
REVOKE ALL ON FUNCTION recruiter.search_candidate_cards(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_candidate_cards(text, integer, integer) TO recruiter_app;

DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_candidate_search_terms_rank;
ALTER INDEX recruiter.ix_candidate_search_terms_rank_v62 RENAME TO ix_candidate_search_terms_rank;
