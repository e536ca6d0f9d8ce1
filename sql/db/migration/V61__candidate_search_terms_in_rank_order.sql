-- V61: a one-word Candidates search reads the word's candidates best first from a btree, not the whole word from
-- the GIN index; the search is one function; a hiring manager's scope comes from an index alone (issue 16,
-- decision 0035).
--
-- Why, measured on the large data set: for the largest company (74 % of all candidates) and the word "manager",
-- V60's match built a bitmap of the word's 2,828 GIN entries (0.4-0.7 ms), then visited their rows in heap order
-- until it held 120 of the company's, ranked those and kept the best 30: p95 2.52 ms in run I, and the 30 shown
-- were the best of an arbitrary 120. A word every document has ("experience": 50,000 entries) cost 11-13 ms.
--
-- recruiter.candidate_search_terms holds one row per (candidate, lexeme of the document) with the lexeme's rank in
-- that document: ts_rank(document, the lexeme alone), which is what ts_rank gives a query of that one lexeme.
-- Its index (term, score DESC, candidate_id) hands out a word's candidates best first, so the largest company
-- reads about as many entries as it shows, and the list is the true best by ts_rank (for the two or three lexemes
-- of one word in French, English and as written: the union of each one's best, ranked by ts_rank over all of
-- them; equal to the exact answer for every word tried). 2.1 million rows, 241 MB, for the 50,000 candidates.
--
-- Every writer of recruiter.candidate_search keeps it: statement triggers with transition tables on INSERT,
-- UPDATE and DELETE (refresh_candidate_search, V40's rebuild, the offline replica's cleanup, any future writer).
-- The large seed, whose load runs with triggers off, calls rebuild_candidate_search_terms afterwards, as
-- `maintain` does.
--
-- Also: recruiter.search_candidate_cards takes in V60's candidate_search_hits (dropped): one function, parsing
-- the query once. ix_job_applications_board carries candidate_id, so a hiring manager's scope (her jobs' live
-- applicants) is read from the index alone.
--
-- Live-database safety: the table and triggers come first (each DDL through recruiter.apply_ddl: own transaction,
-- short lock_timeout, retries), so no write is missed; the backfill then commits every 2,000 candidates, locking
-- only those rows (FOR SHARE) while it writes their terms; ON CONFLICT DO NOTHING meets a trigger that got there
-- first. The board index is built CONCURRENTLY and swapped. Runs outside a transaction (see the .conf file).
-- Re-runnable. On the large data set: 37 s, while a platform write to candidates every 50 ms waited at most 0.4 s.

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE TABLE IF NOT EXISTS recruiter.candidate_search_terms (
    candidate_id integer NOT NULL,
    term         text    NOT NULL,
    score        real    NOT NULL,
    CONSTRAINT candidate_search_terms_pkey PRIMARY KEY (candidate_id, term) INCLUDE (score)
)
$ddl$,
$ddl$
CREATE INDEX IF NOT EXISTS ix_candidate_search_terms_rank
    ON recruiter.candidate_search_terms (term, score DESC, candidate_id)
$ddl$,
$ddl$
REVOKE ALL ON recruiter.candidate_search_terms FROM PUBLIC
$ddl$
]);

-- A lexeme as a tsquery of that lexeme alone, whatever characters it holds (quotes and backslashes escaped).
CREATE OR REPLACE FUNCTION recruiter.lexeme_query(lexeme text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
    SELECT ('''' || pg_catalog.replace(pg_catalog.replace(lexeme, '\', '\\'), '''', '''''') || '''')
               ::pg_catalog.tsquery;
END;

-- The rows of one document: each lexeme with its rank.
CREATE OR REPLACE FUNCTION recruiter.candidate_search_term_rows(document tsvector)
    RETURNS TABLE (term text, score real)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
    SELECT l.lexeme, pg_catalog.ts_rank(document, recruiter.lexeme_query(l.lexeme))
      FROM pg_catalog.unnest(document) AS l;
END;
REVOKE ALL ON FUNCTION recruiter.lexeme_query(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.candidate_search_term_rows(tsvector) FROM PUBLIC;

-- The three triggers' work, set-based over the statement's rows.
CREATE OR REPLACE FUNCTION recruiter.candidate_search_terms_on_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO recruiter.candidate_search_terms (candidate_id, term, score)
    SELECT n.candidate_id, w.term, w.score
      FROM new_rows n CROSS JOIN LATERAL recruiter.candidate_search_term_rows(n.document) w
    ON CONFLICT (candidate_id, term) DO UPDATE SET score = EXCLUDED.score;
    RETURN NULL;
END
$$;

-- Only rows whose document (or id) changed: V60's trigger updates the candidate's state alone, at no cost here.
CREATE OR REPLACE FUNCTION recruiter.candidate_search_terms_on_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM recruiter.candidate_search_terms t
     USING old_rows o
     WHERE t.candidate_id = o.candidate_id
       AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.candidate_id = o.candidate_id AND n.document = o.document);
    INSERT INTO recruiter.candidate_search_terms (candidate_id, term, score)
    SELECT n.candidate_id, w.term, w.score
      FROM new_rows n CROSS JOIN LATERAL recruiter.candidate_search_term_rows(n.document) w
     WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.candidate_id = n.candidate_id AND o.document = n.document)
    ON CONFLICT (candidate_id, term) DO UPDATE SET score = EXCLUDED.score;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_terms_on_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM recruiter.candidate_search_terms t USING old_rows o WHERE t.candidate_id = o.candidate_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.candidate_search_terms_on_insert() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.candidate_search_terms_on_update() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.candidate_search_terms_on_delete() FROM PUBLIC;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search_terms_insert
    AFTER INSERT ON recruiter.candidate_search REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.candidate_search_terms_on_insert()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search_terms_update
    AFTER UPDATE ON recruiter.candidate_search REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.candidate_search_terms_on_update()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search_terms_delete
    AFTER DELETE ON recruiter.candidate_search REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.candidate_search_terms_on_delete()
$ddl$
]);

-- The documents written before this migration, in committed batches.
DO $$
DECLARE
    from_id integer := 0;
    last_id integer := (SELECT coalesce(max(candidate_id), 0) FROM recruiter.candidate_search);
BEGIN
    WHILE from_id <= last_id LOOP
        WITH batch AS (
            SELECT s.candidate_id, s.document
              FROM recruiter.candidate_search s
             WHERE s.candidate_id >= from_id AND s.candidate_id < from_id + 2000
               AND NOT EXISTS (SELECT 1 FROM recruiter.candidate_search_terms t WHERE t.candidate_id = s.candidate_id)
               FOR SHARE)
        INSERT INTO recruiter.candidate_search_terms (candidate_id, term, score)
        SELECT b.candidate_id, w.term, w.score
          FROM batch b CROSS JOIN LATERAL recruiter.candidate_search_term_rows(b.document) w
        ON CONFLICT (candidate_id, term) DO NOTHING;
        from_id := from_id + 2000;
        COMMIT;
    END LOOP;
END
$$;
ANALYZE recruiter.candidate_search_terms;

-- Repairs drift (a bulk load with triggers off, as the large seed's): returns the rows changed.
CREATE OR REPLACE FUNCTION recruiter.rebuild_candidate_search_terms() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    added bigint;
    removed bigint;
BEGIN
    LOCK TABLE recruiter.candidate_search IN SHARE MODE;
    CREATE TEMPORARY TABLE candidate_search_terms_truth ON COMMIT DROP AS
        SELECT s.candidate_id, w.term, w.score
          FROM recruiter.candidate_search s CROSS JOIN LATERAL recruiter.candidate_search_term_rows(s.document) w;
    DELETE FROM recruiter.candidate_search_terms t
     WHERE NOT EXISTS (SELECT 1 FROM candidate_search_terms_truth r
                        WHERE r.candidate_id = t.candidate_id AND r.term = t.term AND r.score = t.score);
    GET DIAGNOSTICS removed = ROW_COUNT;
    INSERT INTO recruiter.candidate_search_terms (candidate_id, term, score)
    SELECT r.candidate_id, r.term, r.score FROM candidate_search_terms_truth r
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    DROP TABLE candidate_search_terms_truth;
    RETURN added + removed;
END
$$;
REVOKE ALL ON FUNCTION recruiter.rebuild_candidate_search_terms() FROM PUBLIC;

-- A hiring manager's scope (the live applicants of the jobs she manages) from the board's index alone: it now
-- carries candidate_id. For her 418 applications: 0.28 ms against 0.33-0.44 from the heap (pgbench, not
-- alternated). Built CONCURRENTLY under a new name, then swapped (an INVALID leftover of a failed build is dropped
-- first); a re-run rebuilds it once.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = 'ix_job_applications_board_v61'
                  AND NOT i.indisvalid) THEN
        RAISE WARNING 'Index public.ix_job_applications_board_v61 is INVALID (an earlier concurrent build failed): '
                      'dropping it and building it again.';
        ALTER INDEX public.ix_job_applications_board_v61 RENAME TO ix_job_applications_board_v61__invalid;
    END IF;
END
$$;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_board_v61__invalid;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_board_v61
    ON public.job_applications (job_id, status, applied_at DESC, id DESC) INCLUDE (candidate_id)
    WHERE deleted_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_board;
ALTER INDEX public.ix_job_applications_board_v61 RENAME TO ix_job_applications_board;

-- V50's search_candidate_cards with V60's match (candidate_search_hits) folded in, and a path for one word in
-- front of it for a company of more than 1,500 candidates. One function instead of two (timed alternately, the
-- fold alone changed nothing measurable); prefix_query is only computed when no candidate has the whole word.
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
    parsed   tsquery[];
    exact_q  tsquery;
    prefix_q tsquery;
    terms    text[];
    shown    text;
    lexeme   text;
    q        tsquery;
    pass     integer;
    scope    integer[];
    ids      integer[];
    ranks    real[];
    more     boolean;
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
    -- One word: each configuration's query (recruiter.search_query ORs the three) is a single lexeme (or empty: a
    -- stop word). The lexeme is read back from the query's text (quotes and backslashes doubled there) and
    -- checked, so the terms mean exactly exact_q.
    IF large AND exact_q IS NOT NULL THEN
        parsed := ARRAY[pg_catalog.websearch_to_tsquery('pg_catalog.french', recruiter.fold_text(query)),
                        pg_catalog.websearch_to_tsquery('pg_catalog.english', recruiter.fold_text(query)),
                        pg_catalog.websearch_to_tsquery('pg_catalog.simple', recruiter.fold_text(query))];
        terms := '{}';
        FOREACH q IN ARRAY parsed LOOP
            CONTINUE WHEN pg_catalog.numnode(q) = 0;
            IF pg_catalog.numnode(q) > 1 THEN
                terms := NULL;
                EXIT;
            END IF;
            shown := pg_catalog.querytree(q);
            lexeme := pg_catalog.replace(pg_catalog.replace(
                          pg_catalog.substr(shown, 2, pg_catalog.length(shown) - 2), '''''', ''''), '\\', '\');
            IF recruiter.lexeme_query(lexeme) IS DISTINCT FROM q THEN
                terms := NULL;
                EXIT;
            END IF;
            IF NOT lexeme = ANY (terms) THEN
                terms := terms || lexeme;
            END IF;
        END LOOP;
    END IF;
    IF pg_catalog.cardinality(terms) > 0 THEN
        -- Each lexeme's candidates best first (recruiter.candidate_search_terms), kept while they are the
        -- company's (or of a job the user manages), live and experienced enough: about as many entries read as
        -- shown. One more than wanted tells whether there are more. OFFSET 0: one primary-key probe per entry.
        WITH found AS MATERIALIZED (
            SELECT DISTINCT r.candidate_id
              FROM pg_catalog.unnest(terms) AS w(term)
             CROSS JOIN LATERAL (
                   SELECT t.candidate_id
                     FROM recruiter.candidate_search_terms t
                    WHERE t.term = w.term
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
        -- the scope's candidates as one array (the board's index hands out a job's live applicants from the
        -- index alone), then their documents in one index scan of the primary key (a lateral probe per candidate cost
        -- twice as much: 1.6 ms against 0.7 for a hiring manager's 417)
        scope := ARRAY(SELECT cc.candidate_id FROM recruiter.company_candidates cc WHERE cc.company_id = company
                       UNION
                       SELECT a.candidate_id FROM public.job_applications a
                        WHERE a.job_id = ANY (managed) AND a.deleted_at IS NULL);
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

-- Its match now lives in search_candidate_cards, V39's search_candidates calls that (V50).
DROP FUNCTION IF EXISTS recruiter.candidate_search_hits(integer, integer[], text, integer, integer);
