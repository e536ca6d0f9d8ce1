-- V41: a one-word job search reads its first page in the pipeline's order (issue 16).
--
-- Why: V36's company-scoped GIN index finds a company's hits, but a page must then fetch every hit to sort it:
-- 'senior' or 'candidatures' are 1,000-2,300 of the largest company's 8,001 jobs, spread over as many heap pages
-- (6-16 ms). Here each live job's search lexemes (those of recruiter.job_search_document, French and English
-- stems) are kept by trigger as rows (company, term, posted_at, job) in a btree in the pipeline's default order
-- (newest first, drafts first): the first page of a one-word search is a merge of at most three index ranges
-- (the word's French, English and unstemmed forms), 100 entries, whatever the number of hits.
--
-- Only one-word searches take this path, where it gives exactly V36's answer: for one word the search query
-- (recruiter.search_query) is the OR of at most three lexemes. A hiring manager's jobs are probed by id in the same
-- rows. Several words, operators, another sort order and other filters keep V36's path
-- (recruiter.search_visible_jobs), whose answer the page then orders as before. No whole-word hit: V36's
-- partial-word fallback, as before.
--
-- Cost: about 45 rows per job (100,000 jobs: 4.3 million rows). Writes: the jobs trigger below runs only when the
-- title, description, company, posting date or soft delete changes (the platform rarely writes those).
-- Bulk loads with triggers off (seed --scale large) call rebuild_job_search_terms() afterwards, as maintain does.
-- Live-database safety: outside a transaction; the trigger through apply_ddl, then the backfill in small batches
-- that each lock only their own 2,000 jobs' rows (measured: see src/docs/decisions/0015).

CREATE TABLE IF NOT EXISTS recruiter.job_search_terms (
    company_id integer,
    term       text NOT NULL,
    posted_at  timestamptz,
    job_id     integer NOT NULL,
    PRIMARY KEY (job_id, term)
);
COMMENT ON TABLE recruiter.job_search_terms IS
    'Search lexemes of live jobs, in the pipeline order; kept by trigger; read only by recruiter.search_job_page.';
CREATE INDEX IF NOT EXISTS ix_job_search_terms_order
    ON recruiter.job_search_terms (company_id, term, posted_at DESC NULLS FIRST, job_id DESC);
REVOKE ALL ON recruiter.job_search_terms FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.index_job_search_terms() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM recruiter.job_search_terms WHERE job_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
        INSERT INTO recruiter.job_search_terms (company_id, term, posted_at, job_id)
        SELECT NEW.company_id, t.lexeme, NEW.posted_at, NEW.id
          FROM pg_catalog.unnest(recruiter.job_search_document(NEW.title, NEW.description)) t
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

-- Rebuilds every row from the jobs and returns how many rows it had to add or remove (0 when the trigger kept up).
CREATE OR REPLACE FUNCTION recruiter.rebuild_job_search_terms() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    added bigint;
    removed bigint;
BEGIN
    LOCK TABLE public.jobs IN SHARE MODE;
    CREATE TEMPORARY TABLE job_search_terms_truth ON COMMIT DROP AS
        SELECT j.company_id, t.lexeme AS term, j.posted_at, j.id AS job_id
          FROM public.jobs j, pg_catalog.unnest(recruiter.job_search_document(j.title, j.description)) t
         WHERE j.deleted_at IS NULL;
    DELETE FROM recruiter.job_search_terms s
     WHERE NOT EXISTS (SELECT 1 FROM job_search_terms_truth t
                        WHERE t.job_id = s.job_id AND t.term = s.term
                          AND t.company_id IS NOT DISTINCT FROM s.company_id
                          AND t.posted_at IS NOT DISTINCT FROM s.posted_at);
    GET DIAGNOSTICS removed = ROW_COUNT;
    INSERT INTO recruiter.job_search_terms (company_id, term, posted_at, job_id)
    SELECT t.company_id, t.term, t.posted_at, t.job_id FROM job_search_terms_truth t
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    DROP TABLE job_search_terms_truth;
    RETURN added + removed;
END
$$;

-- The ids of one page of a search in the pipeline's default order (posted_at DESC NULLS FIRST, id DESC), strictly
-- after (after_posted, after_id) when given, for the signed-in person. Same answer as ordering
-- search_visible_jobs(query); fast for a company member's one-word search.
-- V36's partial-word fallback (titles containing the letters typed, when no whole word matches): the company's jobs
-- through the trigram index, the jobs one manages elsewhere one by one. search_visible_jobs calls it when it found
-- nothing; search_job_page calls it alone for one word the search rows do not hold, without V36's whole-word pass
-- (a search document computed per managed job).
CREATE OR REPLACE FUNCTION recruiter.partial_word_jobs(company integer, managed integer[], query text)
    RETURNS SETOF integer
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    ROWS 100
AS $$
    SELECT j.id
      FROM public.jobs j
     WHERE company IS NOT NULL
       AND j.company_id = company
       AND recruiter.fold_text(j.title) ILIKE (SELECT recruiter.partial_word_pattern(query))
       AND j.deleted_at IS NULL
    UNION ALL
    SELECT m.id
      FROM (SELECT j.id, j.title
              FROM public.jobs j
             WHERE j.id = ANY (managed)
               AND j.company_id IS DISTINCT FROM company
               AND j.deleted_at IS NULL
            OFFSET 0) m
     WHERE recruiter.fold_text(m.title) ILIKE (SELECT recruiter.partial_word_pattern(query))
$$;

-- V36's search, same answers, two plans fixed (found on the large data set for a hiring manager: 4-16 ms for two
-- jobs): without a company the company branches are skipped by a one-time filter instead of probing the GIN index
-- with a NULL company (10 ms), and the jobs one manages elsewhere are matched one by one (OFFSET 0 keeps the
-- planner from intersecting them with the whole platform's hits for the word: 13,488 for 'senior').
CREATE OR REPLACE FUNCTION recruiter.search_visible_jobs(query text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    ROWS 200
AS $$
    WITH hits AS MATERIALIZED (
        SELECT j.id
          FROM public.jobs j
         WHERE (SELECT recruiter.session_company_id()) IS NOT NULL
           AND j.company_id = (SELECT recruiter.session_company_id())
           AND recruiter.job_search_document(j.title, j.description) @@ (SELECT recruiter.search_query(query))
           AND j.deleted_at IS NULL
        UNION ALL
        SELECT m.id
          FROM (SELECT j.id, j.title, j.description
                  FROM public.jobs j
                 WHERE j.id = ANY ((SELECT recruiter.session_job_ids())::integer[])
                   AND j.company_id IS DISTINCT FROM (SELECT recruiter.session_company_id())
                   AND j.deleted_at IS NULL
                OFFSET 0) m
         WHERE recruiter.job_search_document(m.title, m.description) @@ (SELECT recruiter.search_query(query)))
    SELECT h.id FROM hits h
    UNION ALL
    SELECT p.id
      FROM recruiter.partial_word_jobs((SELECT recruiter.session_company_id()),
                                       coalesce((SELECT recruiter.session_job_ids()), '{}'), query) p(id)
     WHERE NOT EXISTS (SELECT 1 FROM hits)
$$;

-- One page of the hits of up to three lexemes in the pipeline's order: the company's from up to three index ranges,
-- read from the index alone and sorted (0.3-1.5 ms for the largest company's common title words, 1,000-2,300 hits;
-- about 0.4 us per hit, so 3 ms for a word in nearly every description); the jobs one manages elsewhere (a hiring
-- manager's few), probed by id. Its own function for its planner settings, which would otherwise reach the
-- functions search_job_page calls on its other paths (the GIN indexes need bitmap scans).
CREATE OR REPLACE FUNCTION recruiter.job_search_term_page(company integer, managed integer[], terms text[],
                                                          after_posted timestamptz, after_id integer,
                                                          page_limit integer)
    RETURNS SETOF integer
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    -- the postings as index-only scans (all four columns are in the index): a bitmap heap scan visits one heap
    -- page per hit (2,274 for 'candidatures': 9 ms against 0.4 ms)
    SET enable_bitmapscan = off
    SET jit = off
    ROWS 100
AS $$
    SELECT p.job_id
      FROM (SELECT DISTINCT u.posted_at, u.job_id
              FROM (SELECT t.posted_at, t.job_id FROM recruiter.job_search_terms t
                     WHERE t.company_id = company AND t.term = terms[1]
                    UNION ALL
                    SELECT t.posted_at, t.job_id FROM recruiter.job_search_terms t
                     WHERE t.company_id = company AND t.term = terms[2]
                    UNION ALL
                    SELECT t.posted_at, t.job_id FROM recruiter.job_search_terms t
                     WHERE t.company_id = company AND t.term = terms[3]
                    UNION ALL
                    SELECT t.posted_at, t.job_id FROM recruiter.job_search_terms t
                     WHERE t.job_id = ANY (managed) AND t.term = ANY (terms)
                       AND t.company_id IS DISTINCT FROM company) u
             WHERE after_id IS NULL
                OR (after_posted IS NULL AND ((u.posted_at IS NULL AND u.job_id < after_id) OR u.posted_at IS NOT NULL))
                OR (after_posted IS NOT NULL AND u.posted_at IS NOT NULL
                    AND (u.posted_at < after_posted OR (u.posted_at = after_posted AND u.job_id < after_id)))
             ORDER BY u.posted_at DESC NULLS FIRST, u.job_id DESC
             LIMIT page_limit) p
$$;

CREATE OR REPLACE FUNCTION recruiter.search_job_page(query text, after_posted timestamptz, after_id integer,
                                                     page_size integer)
    RETURNS SETOF integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    ROWS 100
AS $$
DECLARE
    company integer := recruiter.session_company_id();
    managed integer[] := coalesce(recruiter.session_job_ids(), '{}');
    folded text := recruiter.fold_text(coalesce(query, ''));
    q_fr tsquery := pg_catalog.websearch_to_tsquery('french', folded);
    q_en tsquery := pg_catalog.websearch_to_tsquery('english', folded);
    q_simple tsquery := pg_catalog.websearch_to_tsquery('simple', folded);
    terms text[];
    found integer[];
    page_limit integer := least(greatest(coalesce(page_size, 100), 1), 1000);
BEGIN
    IF pg_catalog.numnode(q_fr) <= 1 AND pg_catalog.numnode(q_en) <= 1 AND pg_catalog.numnode(q_simple) <= 1 THEN
        SELECT pg_catalog.array_agg(DISTINCT l) INTO terms
          FROM pg_catalog.unnest(ARRAY[pg_catalog.btrim(pg_catalog.querytree(q_fr), ''''),
                                       pg_catalog.btrim(pg_catalog.querytree(q_en), ''''),
                                       pg_catalog.btrim(pg_catalog.querytree(q_simple), '''')]) l
         WHERE l IS NOT NULL AND l <> '' AND l <> 'T';
    END IF;
    IF terms IS NOT NULL AND pg_catalog.cardinality(terms) BETWEEN 1 AND 3 THEN
        IF EXISTS (SELECT 1 FROM recruiter.job_search_terms t
                    WHERE company IS NOT NULL AND t.company_id = company AND t.term = ANY (terms))
           OR EXISTS (SELECT 1 FROM recruiter.job_search_terms t
                       WHERE t.job_id = ANY (managed) AND t.term = ANY (terms)) THEN
            RETURN QUERY SELECT recruiter.job_search_term_page(company, managed, terms, after_posted, after_id,
                                                               page_limit);
            RETURN;
        END IF;
        -- one word, no whole-word hit: V36's partial-word fallback alone
        found := ARRAY(SELECT recruiter.partial_word_jobs(company, managed, query));
    ELSE
        -- several words or operators: V36's path
        found := ARRAY(SELECT recruiter.search_visible_jobs(query));
    END IF;
    RETURN QUERY
        SELECT j.id
          FROM public.jobs j
         WHERE j.id = ANY (found)
           AND (after_id IS NULL
                OR (after_posted IS NULL AND ((j.posted_at IS NULL AND j.id < after_id) OR j.posted_at IS NOT NULL))
                OR (after_posted IS NOT NULL AND j.posted_at IS NOT NULL
                    AND (j.posted_at < after_posted OR (j.posted_at = after_posted AND j.id < after_id))))
         ORDER BY j.posted_at DESC NULLS FIRST, j.id DESC
         LIMIT page_limit;
END
$$;

REVOKE ALL ON FUNCTION recruiter.index_job_search_terms(), recruiter.rebuild_job_search_terms(),
    recruiter.job_search_term_page(integer, integer[], text[], timestamptz, integer, integer),
    recruiter.partial_word_jobs(integer, integer[], text),
    recruiter.search_job_page(text, timestamptz, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_job_page(text, timestamptz, integer, integer) TO recruiter_app;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_index_job_search_terms
    AFTER INSERT OR DELETE OR UPDATE OF title, description, company_id, posted_at, deleted_at ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.index_job_search_terms()
$ddl$]);

-- The backfill in batches of 2,000 jobs, each its own transaction holding only its jobs' rows (FOR SHARE: a
-- concurrent edit of one of them waits for the batch, about a second, and its trigger then replaces the rows);
-- FOR SHARE reads the latest version of a row edited meanwhile, whose trigger already wrote the same rows.
DO $$
DECLARE
    low integer;
    high integer := (SELECT max(id) FROM public.jobs);
BEGIN
    low := coalesce((SELECT min(id) FROM public.jobs), 0);
    WHILE low <= high LOOP
        INSERT INTO recruiter.job_search_terms (company_id, term, posted_at, job_id)
        SELECT x.company_id, t.lexeme, x.posted_at, x.id
          FROM (SELECT j.id, j.company_id, j.posted_at, j.title, j.description
                  FROM public.jobs j
                 WHERE j.id >= low AND j.id < low + 2000 AND j.deleted_at IS NULL
                   FOR SHARE OF j) x,
               pg_catalog.unnest(recruiter.job_search_document(x.title, x.description)) t
        ON CONFLICT DO NOTHING;
        COMMIT;
        low := low + 2000;
    END LOOP;
END
$$;
-- sets the visibility map, which the index-only scans need (autovacuum keeps it up after)
VACUUM (ANALYZE) recruiter.job_search_terms;
