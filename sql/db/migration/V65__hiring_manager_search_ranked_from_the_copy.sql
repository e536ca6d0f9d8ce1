-- V65: a hiring manager's candidate search ranks her hits from the copy of her jobs' documents (V63) and
-- checks them in candidate_search best first, until a page has passed, instead of checking and ranking every hit
-- there. Only the hiring manager's block of recruiter.search_candidate_cards changes; the function is re-created
-- whole, as a migration must.
--
-- Why: with a word nearly all her candidates hold, every hit cost a probe of candidate_search, its document's
-- match and its rank (about 4-5 us each): "experience", held by all 417 of the large data set's hiring manager's
-- candidates, took 2.41-2.97 ms in pgbench while the machine ran slowly (1.58-2.00 with this function, the two
-- alternated in 5 s runs; "manager", 27 hits, 1.04-1.21 and 0.97-0.99). Now each hit costs its rank in the copy,
-- and only the page's hits (plus those that fail the checks) are probed. The cost still grows with her hits, at
-- about half the rate (auto_explain inside the function: 3.76 ms against 1.70 for "experience").

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
    -- turned off for the hiring manager's read below; restored at the function's end
    SET enable_seqscan = on
    ROWS 50
AS $$
#variable_conflict use_column
DECLARE
    company  integer := recruiter.session_company_id();
    managed  integer[] := recruiter.session_job_ids();
    wanted   integer := greatest(1, least(coalesce(max_hits, 50), 200));
    scanned  integer := wanted * 4;
    large    boolean;
    managed_only boolean := company IS NULL;
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
    IF managed_only THEN
        -- A hiring manager (no company): her jobs' live applicants' documents (V63) in one GIN index keyed by
        -- job, so the index intersects the word's entries with her jobs' own. Whole words first, then partial
        -- words if none. The hits are ranked from the copy's documents (V65) and read best first; each is then
        -- checked in candidate_search for its state, experience and document, as everywhere else, until a page
        -- has passed: a word nearly all her candidates hold ("experience": all 417) probed every one of them
        -- (V63: 2.41-2.97 ms against 1.58-2.00 here, pgbench, alternated). The copy holds the same documents (its
        -- triggers, and maintain's rebuild), so the order is the documents' own; drift can drop a hit, never add
        -- one, and the page is ordered by the documents' rank. No sequential scan: on a copy as small as the
        -- large data set's (418 rows) the planner prefers one, 0.35 ms against 0.03 from the index.
        PERFORM pg_catalog.set_config('enable_seqscan', 'off', true);
        FOR pass IN 1..2 LOOP
            IF pass = 2 AND prefix_q IS NULL THEN
                prefix_q := recruiter.prefix_query(query);
            END IF;
            q := CASE pass WHEN 1 THEN exact_q ELSE prefix_q END;
            CONTINUE WHEN q IS NULL OR pg_catalog.numnode(q) = 0;
            -- her hits, best first by the copy's documents (a candidate who applied to two of her jobs has two
            -- rows with one document: DISTINCT ON keeps one)
            IF pass = 1 THEN
                entries := ARRAY(SELECT h.candidate_id
                                   FROM (SELECT DISTINCT ON (m.candidate_id) m.candidate_id,
                                                pg_catalog.ts_rank(m.document, q) AS rank
                                           FROM recruiter.managed_job_candidates m
                                          WHERE m.job_id = ANY (managed) AND m.document @@ q
                                          ORDER BY m.candidate_id) h
                                  ORDER BY h.rank DESC, h.candidate_id);
            ELSE
                -- a partial word: GIN gathers every entry of the prefix's range into a bitmap before it can
                -- intersect ("envir" with a copy of 330,000 rows: 20 ms), so the index hands out her jobs' rows and
                -- their documents decide (coalesce: not a condition the index could take)
                entries := ARRAY(SELECT h.candidate_id
                                   FROM (SELECT DISTINCT ON (m.candidate_id) m.candidate_id,
                                                pg_catalog.ts_rank(m.document, q) AS rank
                                           FROM recruiter.managed_job_candidates m
                                          WHERE m.job_id = ANY (managed) AND coalesce(m.document @@ q, false)
                                          ORDER BY m.candidate_id) h
                                  ORDER BY h.rank DESC, h.candidate_id);
            END IF;
            -- checked in that order until a page has passed: the nested loop over the array keeps its order and
            -- the LIMIT stops the probes (an ORDER BY here would sort after probing every hit; the plan tests'
            -- check that the page is the true best covers this order)
            SELECT pg_catalog.array_agg(b.candidate_id ORDER BY b.rank DESC, b.candidate_id),
                   pg_catalog.array_agg(b.rank ORDER BY b.rank DESC, b.candidate_id), false
              INTO ids, ranks, more
              FROM (SELECT s.candidate_id, s.rank
                      FROM pg_catalog.unnest(entries) AS e(candidate_id)
                     CROSS JOIN LATERAL (
                           SELECT d.candidate_id, pg_catalog.ts_rank(d.document, q) AS rank
                             FROM recruiter.candidate_search d
                            WHERE d.candidate_id = e.candidate_id
                              AND d.candidate_live
                              AND (min_years IS NULL OR d.years_experience >= min_years)
                              AND d.document @@ q
                           OFFSET 0) s
                     LIMIT wanted) b;
            EXIT WHEN ids IS NOT NULL;
        END LOOP;
        PERFORM pg_catalog.set_config('enable_seqscan', 'on', true);
    ELSIF NOT large THEN
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
    IF exact_q IS NOT NULL AND NOT managed_only AND (large OR pg_catalog.cardinality(scope) >= 200) THEN
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
    IF ids IS NULL AND prefix_q IS NULL AND NOT managed_only THEN
        prefix_q := recruiter.prefix_query(query);
        IF prefix_q IS NOT NULL AND pg_catalog.numnode(prefix_q) = 0 THEN
            prefix_q := NULL;
        END IF;
    END IF;
    IF ids IS NULL AND NOT large AND NOT managed_only THEN
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
    IF ids IS NULL AND NOT large AND NOT managed_only AND NOT (exact_settled AND prefix_settled) THEN
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
