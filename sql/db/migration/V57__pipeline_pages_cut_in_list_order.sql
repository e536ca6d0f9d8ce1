-- V57: the pipeline's tag filter and one-word search cut their first page from index ranges in the list's order;
-- its recruiter list comes in name order from its index; the Candidates search of a small scope reads its documents
-- in one index scan (issue 16).
--
-- Why, measured on the large data set for the largest company as the signed-in client:
--   tag filter   recruiter.tagged_job_ids (V51) handed the page 2,244 job ids for 'bilingue' (1.4-3.5 ms), which
--                the page then fetched by id or hashed against the company's list (a custom plan, planned at each
--                call), and the count counted them again: 10.5 ms p50 for the service's transaction;
--   one word     recruiter.job_search_term_page (V41) read every hit of the word (1,043 for 'senior', 2,274 for
--                'candidatures') to sort them for one page, and, as an SQL function with its own settings, was
--                planned again at every call (its statement ran in 1.1 ms of the call's 2.8).
-- Now:
--   recruiter.job_tags carries each job's posting date, status and whether the job is live, and
--     ix_job_tags_company_tag_posted orders a company's jobs carrying a tag as the list does (newest first, drafts
--     first), live jobs only, with their status: recruiter.tagged_job_page reads one page of it (of one status,
--     when the list is filtered by status), recruiter.tagged_job_count counts the range from the index alone. It replaces ix_job_tags_company_tag (same leading columns), so the tag
--     writes keep one index besides the primary key. tagged_job_ids keeps serving the filter combined with
--     other filters or another order, now from the same index;
--   job_search_term_page takes at most a page from each lexeme's range (one lateral range each, read in the page's
--     order) before merging them, and is PL/pgSQL with a generic plan: planned once per connection;
--   the Candidates section's search for a hiring manager (V50's candidate_search_hits, small-scope path) probed
--     the scope's 417 documents one lateral subquery at a time: now one index scan of them (1.6 -> 0.7-0.9 ms in psql);
--   visible_recruiters (V48), 1,086 names for the largest company, was an SQL function planned at every call
--     whose rows the caller sorted again by name (1.9-2.1 ms in psql): now PL/pgSQL with a generic plan, in the
--     order of ix_recruiter_names_company_name, which the caller keeps by the rows' ordinality (0.8-0.9 ms).
--
-- Writes: the jobs trigger of V51 now also follows a job's posting date, status and soft delete (a job's few tag
-- rows are updated with it; the platform's other job edits do not fire it). A tag added to an application reads the job's posting date
-- with its company, which it already read.
--
-- Live-database safety: outside a transaction (.conf). The columns are added through apply_ddl (a short lock,
-- retried; job_live's constant default needs no rewrite), the triggers' functions replaced before the backfill,
-- which runs in batches of 5,000 jobs, each its own transaction holding only its jobs (FOR SHARE: a concurrent
-- edit of one of them waits for the batch; FOR SHARE reads the latest version of a job edited meanwhile, whose
-- trigger already wrote the same values). The index is built CONCURRENTLY before the old one is dropped. On the
-- large data set (165,144 tag rows) `migrate` applied it in 7.6 s, the JVM's start included.

CALL recruiter.apply_ddl(ARRAY[
$ddl$
ALTER TABLE recruiter.job_tags ADD COLUMN IF NOT EXISTS posted_at timestamptz,
                               ADD COLUMN IF NOT EXISTS job_status varchar(20),
                               ADD COLUMN IF NOT EXISTS job_live boolean NOT NULL DEFAULT true
$ddl$]);
COMMENT ON TABLE recruiter.job_tags IS
    'Tags carried by each job''s live applications, with how many, and the job''s company, posting date, status and '
    'liveness; '
    'kept by trigger, read only by recruiter.tagged_job_ids, tagged_job_page and tagged_job_count.';

CREATE OR REPLACE FUNCTION recruiter.count_job_tags() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    old_job  integer;
    new_job  integer;
    old_tags text[] := '{}';
    new_tags text[] := '{}';
    removed  text[];
    added    text[];
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.job_id IS NOT DISTINCT FROM OLD.job_id
       AND (NEW.deleted_at IS NULL) = (OLD.deleted_at IS NULL)
       AND NEW.tags IS NOT DISTINCT FROM OLD.tags THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL AND OLD.job_id IS NOT NULL THEN
        old_job := OLD.job_id;
        old_tags := recruiter.application_tags(OLD.tags);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL AND NEW.job_id IS NOT NULL THEN
        new_job := NEW.job_id;
        new_tags := recruiter.application_tags(NEW.tags);
    END IF;
    IF old_job = new_job THEN
        removed := ARRAY(SELECT t FROM unnest(old_tags) t WHERE t <> ALL (new_tags) ORDER BY t);
        added := ARRAY(SELECT t FROM unnest(new_tags) t WHERE t <> ALL (old_tags) ORDER BY t);
    ELSE
        removed := old_tags;
        added := new_tags;
    END IF;
    IF cardinality(removed) > 0 THEN
        UPDATE recruiter.job_tags SET applications = applications - 1
         WHERE job_id = old_job AND tag = ANY (removed);
        DELETE FROM recruiter.job_tags WHERE job_id = old_job AND tag = ANY (removed) AND applications <= 0;
    END IF;
    IF cardinality(added) > 0 THEN
        INSERT INTO recruiter.job_tags (job_id, tag, company_id, posted_at, job_status, job_live, applications)
        SELECT new_job, t, j.company_id, j.posted_at, j.status::text, j.deleted_at IS NULL, 1
          FROM unnest(added) t
          LEFT JOIN public.jobs j ON j.id = new_job
         ORDER BY t
        ON CONFLICT (job_id, tag) DO UPDATE SET applications = job_tags.applications + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.move_job_tags() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.posted_at IS DISTINCT FROM OLD.posted_at
       OR NEW.status::text IS DISTINCT FROM OLD.status::text
       OR (NEW.deleted_at IS NULL) <> (OLD.deleted_at IS NULL) THEN
        UPDATE recruiter.job_tags
           SET company_id = NEW.company_id, posted_at = NEW.posted_at, job_status = NEW.status::text,
               job_live = NEW.deleted_at IS NULL
         WHERE job_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

-- V51's recount, comparing the new columns too (a row the old trigger wrote between the columns' addition and
-- the backfill, or a bulk load with triggers off, is corrected here).
CREATE OR REPLACE FUNCTION recruiter.rebuild_job_tags() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    drift bigint;
BEGIN
    LOCK TABLE public.jobs, public.job_applications IN SHARE MODE;
    WITH fresh AS (
        SELECT a.job_id, t.tag, j.company_id, j.posted_at, j.status::text AS job_status,
               j.deleted_at IS NULL AS job_live, count(*)::integer AS applications
          FROM public.job_applications a
          JOIN public.jobs j ON j.id = a.job_id
         CROSS JOIN LATERAL unnest(recruiter.application_tags(a.tags)) t(tag)
         WHERE a.deleted_at IS NULL AND a.tags IS NOT NULL
         GROUP BY a.job_id, t.tag, j.company_id, j.posted_at, j.status::text, j.deleted_at IS NULL
    ), removed AS (
        DELETE FROM recruiter.job_tags jt
         WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.job_id = jt.job_id AND f.tag = jt.tag)
        RETURNING 1
    ), written AS (
        INSERT INTO recruiter.job_tags (job_id, tag, company_id, posted_at, job_status, job_live, applications)
        SELECT f.job_id, f.tag, f.company_id, f.posted_at, f.job_status, f.job_live, f.applications FROM fresh f
        ON CONFLICT (job_id, tag) DO UPDATE
           SET company_id = EXCLUDED.company_id, posted_at = EXCLUDED.posted_at, job_status = EXCLUDED.job_status,
               job_live = EXCLUDED.job_live, applications = EXCLUDED.applications
         WHERE (job_tags.company_id, job_tags.posted_at, job_tags.job_status, job_tags.job_live,
                job_tags.applications)
               IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.posted_at, EXCLUDED.job_status, EXCLUDED.job_live,
                                 EXCLUDED.applications)
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM removed) + (SELECT count(*) FROM written) INTO drift;
    RETURN drift;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_move_job_tags
    AFTER UPDATE OF company_id, posted_at, status, deleted_at ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.move_job_tags()
$ddl$]);

-- After the trigger: a job changed from here on is written by it; the rows of the others are filled in here.
DO $$
DECLARE
    low integer := coalesce((SELECT min(job_id) FROM recruiter.job_tags), 0);
    high integer := coalesce((SELECT max(job_id) FROM recruiter.job_tags), -1);
BEGIN
    WHILE low <= high LOOP
        UPDATE recruiter.job_tags t
           SET posted_at = x.posted_at, job_status = x.status, job_live = x.live
          FROM (SELECT j.id, j.posted_at, j.status::text AS status, j.deleted_at IS NULL AS live
                  FROM public.jobs j
                 WHERE j.id >= low AND j.id < low + 5000
                   FOR SHARE OF j) x
         WHERE t.job_id = x.id
           AND (t.posted_at IS DISTINCT FROM x.posted_at OR t.job_status IS DISTINCT FROM x.status
                OR t.job_live IS DISTINCT FROM x.live);
        COMMIT;
        low := low + 5000;
    END LOOP;
END
$$;

CALL recruiter.set_aside_invalid_indexes('recruiter', ARRAY['ix_job_tags_company_tag_posted']);
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_job_tags_company_tag_posted__invalid;
-- the status included: the status filter reads it from the index too
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_tags_company_tag_posted
    ON recruiter.job_tags (company_id, tag, posted_at DESC NULLS FIRST, job_id DESC) INCLUDE (job_status)
    WHERE job_live;

-- V51's function on the new index (live jobs only: the pipeline leaves the others out anyway).
CREATE OR REPLACE FUNCTION recruiter.tagged_job_ids(tag text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    ROWS 50
AS $$
    SELECT t.job_id
      FROM recruiter.job_tags t
     WHERE t.company_id = (SELECT recruiter.session_company_id())
       AND t.tag = $1
       AND t.job_live
    UNION
    SELECT t.job_id
      FROM unnest((SELECT recruiter.session_job_ids())) m(job_id)
      JOIN recruiter.job_tags t ON t.job_id = m.job_id AND t.tag = $1
     WHERE t.job_live
$$;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_job_tags_company_tag;

-- Whether a row (posted, job) comes after (after_posted, after_id) in the pipeline's default order (posted_at DESC
-- NULLS FIRST, id DESC); every row when after_id is NULL (a first page). A body parsed when created, which the planner
-- inlines: "posted <= after_posted" stays a plain comparison of the row's column.
CREATE OR REPLACE FUNCTION recruiter.after_in_list_order(posted timestamptz, job integer, after_posted timestamptz,
                                                         after_id integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN after_id IS NULL
    OR (after_posted IS NULL AND (posted IS NOT NULL OR job < after_id))
    OR (posted <= after_posted AND (posted < after_posted OR job < after_id));
REVOKE ALL ON FUNCTION recruiter.after_in_list_order(timestamptz, integer, timestamptz, integer) FROM PUBLIC;

-- One page of the session's jobs carrying the tag (and of this status, when given), in the pipeline's default order (posted_at DESC NULLS FIRST,
-- id DESC), strictly after (after_posted, after_id) when given: its company's from one range of
-- ix_job_tags_company_tag_posted, the jobs it manages elsewhere (a hiring manager's few) by primary key. Without a
-- session: nothing (both are NULL). A generic plan: the statement is the same for every company and tag, and a
-- plan per call cost more than the page.
CREATE OR REPLACE FUNCTION recruiter.tagged_job_page(wanted_tag text, wanted_status text, after_posted timestamptz,
                                                     after_id integer, page_size integer)
    RETURNS SETOF integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
    ROWS 50
AS $$
DECLARE
    company integer := recruiter.session_company_id();
    managed integer[] := coalesce(recruiter.session_job_ids(), '{}');
    page_limit integer := least(greatest(coalesce(page_size, 50), 1), 1000);
BEGIN
    RETURN QUERY
    SELECT u.job_id
      FROM ((SELECT t.posted_at, t.job_id
               FROM recruiter.job_tags t
              WHERE t.company_id = company AND t.tag = wanted_tag AND t.job_live
                AND (wanted_status IS NULL OR t.job_status = wanted_status)
                AND recruiter.after_in_list_order(t.posted_at, t.job_id, after_posted, after_id)
              ORDER BY t.posted_at DESC NULLS FIRST, t.job_id DESC
              LIMIT page_limit)
            UNION
            (SELECT t.posted_at, t.job_id
               FROM recruiter.job_tags t
              WHERE t.job_id = ANY (managed) AND t.tag = wanted_tag AND t.job_live
                AND (wanted_status IS NULL OR t.job_status = wanted_status)
                AND t.company_id IS DISTINCT FROM company
                AND recruiter.after_in_list_order(t.posted_at, t.job_id, after_posted, after_id)
              ORDER BY t.posted_at DESC NULLS FIRST, t.job_id DESC
              LIMIT page_limit)) u
     ORDER BY u.posted_at DESC NULLS FIRST, u.job_id DESC
     LIMIT page_limit;
END
$$;

-- How many of the session's live jobs carry the tag (and have this status, when given): the page's range counted
-- from the index alone.
CREATE OR REPLACE FUNCTION recruiter.tagged_job_count(wanted_tag text, wanted_status text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    company integer := recruiter.session_company_id();
    managed integer[] := coalesce(recruiter.session_job_ids(), '{}');
BEGIN
    RETURN (SELECT count(*) FROM recruiter.job_tags t
             WHERE t.company_id = company AND t.tag = wanted_tag AND t.job_live
               AND (wanted_status IS NULL OR t.job_status = wanted_status))
         + (SELECT count(*) FROM recruiter.job_tags t
             WHERE t.job_id = ANY (managed) AND t.tag = wanted_tag AND t.job_live
               AND (wanted_status IS NULL OR t.job_status = wanted_status)
               AND t.company_id IS DISTINCT FROM company);
END
$$;

-- V41's page of up to three lexemes, each lexeme's range cut to a page before the merge (one lateral range per
-- lexeme, read in the page's order: a page reads at most three pages of entries, whatever the number of hits),
-- planned once per connection.
CREATE OR REPLACE FUNCTION recruiter.job_search_term_page(company integer, managed integer[], terms text[],
                                                          after_posted timestamptz, after_id integer,
                                                          page_limit integer)
    RETURNS SETOF integer
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    -- the postings as index-only scans (all four columns are in the index): a bitmap heap scan visits one heap
    -- page per hit
    SET enable_bitmapscan = off
    SET jit = off
    SET plan_cache_mode = force_generic_plan
    ROWS 100
AS $$
BEGIN
    RETURN QUERY
    SELECT p.job_id
      FROM (SELECT DISTINCT u.posted_at, u.job_id
              FROM (SELECT r.posted_at, r.job_id
                      FROM pg_catalog.unnest(terms) AS w(term)
                     CROSS JOIN LATERAL (
                           SELECT t.posted_at, t.job_id FROM recruiter.job_search_terms t
                            WHERE t.company_id = company AND t.term = w.term
                              AND recruiter.after_in_list_order(t.posted_at, t.job_id, after_posted, after_id)
                            ORDER BY t.posted_at DESC NULLS FIRST, t.job_id DESC
                            LIMIT page_limit) r
                    UNION ALL
                    (SELECT t.posted_at, t.job_id FROM recruiter.job_search_terms t
                      WHERE t.job_id = ANY (managed) AND t.term = ANY (terms)
                        AND t.company_id IS DISTINCT FROM company
                        AND recruiter.after_in_list_order(t.posted_at, t.job_id, after_posted, after_id)
                      ORDER BY t.posted_at DESC NULLS FIRST, t.job_id DESC
                      LIMIT page_limit)) u
             ORDER BY u.posted_at DESC NULLS FIRST, u.job_id DESC
             LIMIT page_limit) p
     ORDER BY p.posted_at DESC NULLS FIRST, p.job_id DESC;
END
$$;

-- V41's entry point; the whole-word page is read first and the existence checks run only when it is empty (a word
-- with no whole-word hit takes V36's partial-word fallback, as before).
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
    others integer[];
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
        RETURN QUERY SELECT p.id FROM recruiter.job_search_term_page(company, managed, terms, after_posted, after_id,
                                                                     page_limit) p(id);
        IF FOUND
           OR EXISTS (SELECT 1 FROM recruiter.job_search_terms t
                       WHERE company IS NOT NULL AND t.company_id = company AND t.term = ANY (terms))
           OR EXISTS (SELECT 1 FROM recruiter.job_search_terms t
                       WHERE t.job_id = ANY (managed) AND t.term = ANY (terms)) THEN
            RETURN;
        END IF;
        -- one word, no whole-word hit: V36's partial-word fallback alone
        others := ARRAY(SELECT recruiter.partial_word_jobs(company, managed, query));
    ELSE
        -- several words or operators: V36's path
        others := ARRAY(SELECT recruiter.search_visible_jobs(query));
    END IF;
    RETURN QUERY
        SELECT j.id
          FROM public.jobs j
         WHERE j.id = ANY (others)
           AND recruiter.after_in_list_order(j.posted_at, j.id, after_posted, after_id)
         ORDER BY j.posted_at DESC NULLS FIRST, j.id DESC
         LIMIT page_limit;
END
$$;

-- V48's list, the same rows, in name order: the company's from its index range, or the posters of the jobs one
-- manages (a hiring manager: no company).
CREATE OR REPLACE FUNCTION recruiter.visible_recruiters()
    RETURNS TABLE (employer_id integer, name text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    company integer := recruiter.session_company_id();
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY
        SELECT n.employer_id, n.name
          FROM recruiter.recruiter_names n
         WHERE n.company_id = company
         ORDER BY n.name, n.employer_id;
    ELSE
        RETURN QUERY
        SELECT DISTINCT e.id, recruiter.display_name(u.first_name, u.last_name, u.email)
          FROM public.jobs j
          JOIN public.employers e ON e.id = j.employer_id
          JOIN public.users u ON u.id = e.user_id
         WHERE j.id = ANY (recruiter.session_job_ids())
         ORDER BY 2, 1;
    END IF;
END
$$;
REVOKE ALL ON FUNCTION recruiter.visible_recruiters() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.visible_recruiters() TO recruiter_app;

-- V50's match for the Candidates section; the path for a small scope (a hiring manager, a small company) reads
-- the scope's documents in one index scan (below), the large company's path is V50's.
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
    scope    integer[];
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
        -- the scope's candidates as one array, then their documents in one index scan of the primary key (a
        -- lateral probe per candidate cost twice as much: 1.6 ms against 0.7 for a hiring manager's 417)
        scope := ARRAY(SELECT cc.candidate_id FROM recruiter.company_candidates cc WHERE cc.company_id = company
                       UNION
                       SELECT a.candidate_id FROM public.job_applications a
                        WHERE a.job_id = ANY (managed) AND a.deleted_at IS NULL);
        RETURN QUERY
        WITH matched AS MATERIALIZED (
            SELECT s.candidate_id, s.exact, s.document
              FROM (SELECT d.candidate_id, d.document, coalesce(d.document @@ exact_q, false) AS exact
                      FROM recruiter.candidate_search d
                     WHERE d.candidate_id = ANY (scope)
                       AND (coalesce(d.document @@ exact_q, false) OR coalesce(d.document @@ prefix_q, false))
                    OFFSET 0) s
              -- the few matches by primary key (OFFSET 0 above: the generic plan does not know they are few)
              JOIN public.candidates c ON c.id = s.candidate_id
             WHERE c.deleted_at IS NULL
               AND (min_years IS NULL OR c.years_experience >= min_years))
        SELECT m.candidate_id,
               pg_catalog.ts_rank(m.document, CASE WHEN m.exact THEN exact_q ELSE prefix_q END) AS rank, false
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

REVOKE ALL ON FUNCTION recruiter.count_job_tags(), recruiter.move_job_tags(), recruiter.rebuild_job_tags(),
    recruiter.job_search_term_page(integer, integer[], text[], timestamptz, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.tagged_job_ids(text),
    recruiter.tagged_job_page(text, text, timestamptz, integer, integer), recruiter.tagged_job_count(text, text),
    recruiter.search_job_page(text, timestamptz, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.tagged_job_ids(text),
    recruiter.tagged_job_page(text, text, timestamptz, integer, integer), recruiter.tagged_job_count(text, text),
    recruiter.search_job_page(text, timestamptz, integer, integer) TO recruiter_app;

-- sets the visibility map, which the count's index-only scan needs (autovacuum keeps it up after)
VACUUM (ANALYZE) recruiter.job_tags;
