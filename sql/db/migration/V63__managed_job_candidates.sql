-- V63: a hiring manager's Candidates search reads one GIN index of her jobs' applicants' documents instead of
-- every document of her scope by primary key (issue 16, decision 0037).
--
-- Why, measured on the large data set: after V62 the hiring manager's search for a common word ("manager": 2,828
-- entries platform-wide, 27 of her 417 candidates) first built her scope from the board's index, then read the
-- word's entries up to one more than her scope, then her 417 documents one by one (0.6-0.7 ms of it): p95 2.69 ms
-- in run O, the last read over 2 ms. With her jobs' applicants' documents in one GIN index keyed by job
-- (btree_gin), the index intersects the word's entries with her jobs' own: the function took 0.56-0.60 ms in
-- pgbench against 1.93-2.21 for V62's (alternated), and 0.63-0.74 with a copy of a third of the platform's jobs
-- (330,000 rows, 230 MB).
--
-- recruiter.managed_job_candidates holds, for every job with a hiring manager, one row per live applicant with the
-- candidate's document as recruiter.candidate_search has it (positions kept: a phrase needs them; strip() would
-- have saved 40 % but a stripped vector never matches a phrase). The search still checks each hit's state and
-- document in candidate_search, so drift can narrow an answer but never widen it.
--
-- Kept in the writer's transaction by triggers, from every writer: applications (insert, delete, a change of job,
-- candidate or deleted_at: not a status move), hiring managers (a job's first one copies its applicants, its last
-- one clears them), documents (recruiter.candidate_search), and a TRUNCATE of any of the three. Concurrent
-- writers are ordered so no change is missed: a change of hiring managers locks its job's row FOR UPDATE and an
-- application's change holds it FOR KEY SHARE (as an insert's foreign key check does), so one waits for the other
-- and then sees its change; a copied document is read FOR SHARE, so a concurrent change of it waits or is seen.
-- `maintain` recounts and repairs, the large seed rebuilds it after its load and the offline copy after each pull
-- (triggers off), as their other derived tables.
--
-- Live-database safety: the table and triggers first (each DDL through recruiter.apply_ddl: own transaction, short
-- lock_timeout, retries); the backfill then copies one managed job per transaction; the search reads the copy
-- only after that. Runs outside a transaction (see the .conf file). Re-runnable.

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE TABLE IF NOT EXISTS recruiter.managed_job_candidates (
    job_id       integer  NOT NULL,
    candidate_id integer  NOT NULL,
    document     tsvector NOT NULL,
    -- candidate first: a btree led by job_id would let the planner AND a bitmap of the word's every entry with
    -- one of her jobs' (18,532 entries for "manager" in a copy of 330,000 rows: 2.3-2.6 ms) instead of handing
    -- both conditions to the GIN index below (0.05-0.09 ms); the documents' triggers read it by candidate
    CONSTRAINT managed_job_candidates_pkey PRIMARY KEY (candidate_id, job_id)
)
$ddl$,
-- fastupdate off: a search must not scan a pending list of up to 4 MB; writes are per applicant of a managed job
$ddl$
CREATE INDEX IF NOT EXISTS ix_managed_job_candidates_document
    ON recruiter.managed_job_candidates USING gin (job_id, document) WITH (fastupdate = off)
$ddl$,
$ddl$
REVOKE ALL ON recruiter.managed_job_candidates FROM PUBLIC
$ddl$
]);

-- One (job, candidate) pair brought in line: a row while the job has a hiring manager and the candidate a live
-- application to it, none otherwise.
CREATE OR REPLACE FUNCTION recruiter.sync_managed_job_candidate(job integer, candidate integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- ordered against a change of the job's hiring managers (see recruiter.sync_managed_job); an insert's foreign
    -- key check already holds this lock
    PERFORM 1 FROM public.jobs j WHERE j.id = job FOR KEY SHARE;
    IF EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.job_id = job)
       AND EXISTS (SELECT 1 FROM public.job_applications a
                    WHERE a.job_id = job AND a.candidate_id = candidate AND a.deleted_at IS NULL) THEN
        INSERT INTO recruiter.managed_job_candidates AS c (job_id, candidate_id, document)
        SELECT job, candidate, s.document
          FROM recruiter.candidate_search s
         WHERE s.candidate_id = candidate
           FOR SHARE OF s
        ON CONFLICT (job_id, candidate_id) DO UPDATE SET document = EXCLUDED.document
            WHERE c.document <> EXCLUDED.document;
    ELSE
        DELETE FROM recruiter.managed_job_candidates c WHERE c.job_id = job AND c.candidate_id = candidate;
    END IF;
END
$$;
REVOKE ALL ON FUNCTION recruiter.sync_managed_job_candidate(integer, integer) FROM PUBLIC;

-- A whole job brought in line (a hiring manager added or removed, the backfill, maintain): returns the rows
-- added, changed or removed.
CREATE OR REPLACE FUNCTION recruiter.sync_managed_job(job integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    managed boolean;
    removed bigint;
    written bigint;
BEGIN
    -- The job's row FOR UPDATE: it waits for the transactions that changed one of its applications (they hold
    -- it FOR KEY SHARE, see above) and holds back new ones until this one commits, so either the copy below sees
    -- their change or their trigger sees this one's hiring managers. Not an advisory lock: any login may take one
    -- of those and hold it for its session, which would have stopped the platform's applications.
    PERFORM 1 FROM public.jobs j WHERE j.id = job FOR UPDATE;
    managed := EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.job_id = job);
    DELETE FROM recruiter.managed_job_candidates c
     WHERE c.job_id = job
       AND NOT (managed
                AND EXISTS (SELECT 1 FROM public.job_applications a
                             WHERE a.job_id = job AND a.candidate_id = c.candidate_id AND a.deleted_at IS NULL)
                AND EXISTS (SELECT 1 FROM recruiter.candidate_search s WHERE s.candidate_id = c.candidate_id));
    GET DIAGNOSTICS removed = ROW_COUNT;
    IF NOT managed THEN
        RETURN removed;
    END IF;
    INSERT INTO recruiter.managed_job_candidates AS c (job_id, candidate_id, document)
    SELECT job, s.candidate_id, s.document
      FROM recruiter.candidate_search s
     WHERE s.candidate_id IN (SELECT a.candidate_id FROM public.job_applications a
                               WHERE a.job_id = job AND a.deleted_at IS NULL)
       FOR SHARE OF s
    ON CONFLICT (job_id, candidate_id) DO UPDATE SET document = EXCLUDED.document
        WHERE c.document <> EXCLUDED.document;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN removed + written;
END
$$;
REVOKE ALL ON FUNCTION recruiter.sync_managed_job(integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.managed_job_candidates_on_application() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    same_pair boolean := TG_OP = 'UPDATE' AND NEW.job_id IS NOT DISTINCT FROM OLD.job_id
                         AND NEW.candidate_id IS NOT DISTINCT FROM OLD.candidate_id;
BEGIN
    IF same_pair AND (NEW.deleted_at IS NULL) = (OLD.deleted_at IS NULL) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM recruiter.sync_managed_job_candidate(OLD.job_id, OLD.candidate_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NOT same_pair THEN
        PERFORM recruiter.sync_managed_job_candidate(NEW.job_id, NEW.candidate_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.managed_job_candidates_on_manager() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM recruiter.sync_managed_job(OLD.job_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NOT (TG_OP = 'UPDATE' AND NEW.job_id IS NOT DISTINCT FROM OLD.job_id) THEN
        PERFORM recruiter.sync_managed_job(NEW.job_id);
    END IF;
    RETURN NULL;
END
$$;

-- A document written, changed or removed: its copies follow (only rows whose document changed; V60's trigger
-- updates the candidate's state alone, at no cost here).
CREATE OR REPLACE FUNCTION recruiter.managed_job_candidates_on_document() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pair record;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        UPDATE recruiter.managed_job_candidates c
           SET document = n.document
          FROM new_rows n JOIN old_rows o ON o.candidate_id = n.candidate_id
         WHERE c.candidate_id = n.candidate_id AND n.document IS DISTINCT FROM o.document;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM recruiter.managed_job_candidates c USING old_rows o WHERE c.candidate_id = o.candidate_id;
    ELSE
        -- a document written after the applications (rare): the pairs it completes
        FOR pair IN SELECT DISTINCT a.job_id, a.candidate_id
                      FROM new_rows n
                      JOIN public.job_applications a ON a.candidate_id = n.candidate_id AND a.deleted_at IS NULL
                     WHERE EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.job_id = a.job_id) LOOP
            PERFORM recruiter.sync_managed_job_candidate(pair.job_id, pair.candidate_id);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;
-- A TRUNCATE of applications, hiring managers or documents fires no row trigger: nothing it emptied can keep a
-- row here (a stale row would put a candidate in a hiring manager's answers).
CREATE OR REPLACE FUNCTION recruiter.managed_job_candidates_on_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM recruiter.managed_job_candidates;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.managed_job_candidates_on_truncate() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.managed_job_candidates_on_application() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.managed_job_candidates_on_manager() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.managed_job_candidates_on_document() FROM PUBLIC;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates
    AFTER INSERT OR DELETE OR UPDATE OF job_id, candidate_id, deleted_at ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.managed_job_candidates_on_application()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates
    AFTER INSERT OR DELETE OR UPDATE OF job_id ON recruiter.job_hiring_managers
    FOR EACH ROW EXECUTE FUNCTION recruiter.managed_job_candidates_on_manager()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates_insert
    AFTER INSERT ON recruiter.candidate_search REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.managed_job_candidates_on_document()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates_update
    AFTER UPDATE ON recruiter.candidate_search REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.managed_job_candidates_on_document()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates_delete
    AFTER DELETE ON recruiter.candidate_search REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.managed_job_candidates_on_document()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates_truncate
    AFTER TRUNCATE ON public.job_applications
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.managed_job_candidates_on_truncate()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates_truncate
    AFTER TRUNCATE ON recruiter.job_hiring_managers
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.managed_job_candidates_on_truncate()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_managed_job_candidates_truncate
    AFTER TRUNCATE ON recruiter.candidate_search
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.managed_job_candidates_on_truncate()
$ddl$
]);

-- Repairs drift (a bulk load with triggers off, as the large seed's): every job with a hiring manager or a row
-- here, brought in line; returns the rows added, changed or removed.
CREATE OR REPLACE FUNCTION recruiter.rebuild_managed_job_candidates() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    job     integer;
    changed bigint := 0;
BEGIN
    FOR job IN SELECT m.job_id FROM recruiter.job_hiring_managers m
               UNION
               SELECT c.job_id FROM recruiter.managed_job_candidates c
               ORDER BY 1 LOOP
        changed := changed + recruiter.sync_managed_job(job);
    END LOOP;
    RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION recruiter.rebuild_managed_job_candidates() FROM PUBLIC;

-- The jobs managed before this migration, one per transaction.
DO $$
DECLARE
    job integer;
BEGIN
    FOR job IN SELECT DISTINCT m.job_id FROM recruiter.job_hiring_managers m ORDER BY 1 LOOP
        PERFORM recruiter.sync_managed_job(job);
        COMMIT;
    END LOOP;
END
$$;
ANALYZE recruiter.managed_job_candidates;

-- V62's function with the hiring manager's read from the copy, replaced only once the backfill above is done: a
-- search in between would have read a partial copy.
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
        -- job, so the index intersects the word's entries with her jobs' own; each hit's state and document are
        -- then read from candidate_search, as everywhere else. Whole words first, then partial words if none.
        -- For her 417 candidates and "manager" (27 hits): 0.56-0.60 ms in pgbench against 1.93-2.21 for her
        -- scope, the word's entries and her documents (V62, alternated). No sequential scan: on a copy as small as
        -- the large data set's (418 rows) the planner prefers one, 0.35 ms against 0.03 from the index.
        PERFORM pg_catalog.set_config('enable_seqscan', 'off', true);
        FOR pass IN 1..2 LOOP
            IF pass = 2 AND prefix_q IS NULL THEN
                prefix_q := recruiter.prefix_query(query);
            END IF;
            q := CASE pass WHEN 1 THEN exact_q ELSE prefix_q END;
            CONTINUE WHEN q IS NULL OR pg_catalog.numnode(q) = 0;
            IF pass = 1 THEN
                entries := ARRAY(SELECT m.candidate_id FROM recruiter.managed_job_candidates m
                                  WHERE m.job_id = ANY (managed) AND m.document @@ q);
            ELSE
                -- a partial word: GIN gathers every entry of the prefix's range into a bitmap before it can
                -- intersect ("envir" with a copy of 330,000 rows: 20 ms), so the index hands out her jobs' rows and
                -- their documents decide (coalesce: not a condition the index could take)
                entries := ARRAY(SELECT m.candidate_id FROM recruiter.managed_job_candidates m
                                  WHERE m.job_id = ANY (managed) AND coalesce(m.document @@ q, false));
            END IF;
            SELECT pg_catalog.array_agg(b.candidate_id ORDER BY b.rank DESC, b.candidate_id),
                   pg_catalog.array_agg(b.rank ORDER BY b.rank DESC, b.candidate_id), false
              INTO ids, ranks, more
              FROM (SELECT s.candidate_id, pg_catalog.ts_rank(s.document, q) AS rank
                      FROM recruiter.candidate_search s
                     WHERE s.candidate_id = ANY (entries)
                       AND s.candidate_live
                       AND (min_years IS NULL OR s.years_experience >= min_years)
                       AND s.document @@ q
                     ORDER BY 2 DESC, 1
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
