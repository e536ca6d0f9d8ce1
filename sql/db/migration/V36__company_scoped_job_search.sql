-- V36: job search whose cost follows the company's hits, not the platform's (issue 16).
--
-- For the web platform: two new indexes on jobs (each write maintains them) replace V8's ix_jobs_search_document,
-- and the btree_gin extension in schema recruiter (trusted: the database owner may create it); nothing else
-- changes.
--
--   jobs  ix_jobs_company_search_document  GIN (company_id, recruiter.job_search_document(title, description))
--         ix_jobs_company_title_trgm       GIN (company_id, recruiter.fold_text(title) gin_trgm_ops)
--
-- recruiter.search_visible_jobs (V24) matched the whole platform's jobs through ix_jobs_search_document and kept
-- the company's afterwards: a common word cost the same for a company of 3 jobs as for one of 8,000 (13,488
-- platform hits for 'senior', 100 ms, to keep the largest company's 1,043; 20-44 ms for a small company whose
-- answer was empty). btree_gin puts company_id in the same GIN index as the document, so the index returns only
-- the company's matches (1.8 ms for those 1,043; 0.9 ms for a small company). Hiring managers' jobs of other
-- companies are few and read by primary key.
-- A word the full-text search does not know as typed ("chauff", a name cut short) falls back to the trigram index
-- of the accent-folded titles, within the company as well.
-- Parallel workers are off inside the function: starting them cost more than the whole search (90 ms of Gather
-- for 1,043 rows on a loaded 2-core server).
--
-- Live-database safety and re-runs as V25: CONCURRENTLY, outside a transaction (see the .conf file); INVALID
-- leftovers are renamed, dropped and built again; a final check that both are valid.

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA recruiter;

-- btree_gin's functions are operator-class support: the index calls them without a privilege check, and no
-- client calls them directly (ClientLoginAttackTest's allowlist).
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT d.objid::regprocedure
          FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
         WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e' AND e.extname = 'btree_gin'
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname IN ('ix_jobs_company_search_document', 'ix_jobs_company_title_trgm')
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_search_document__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_title_trgm__invalid;

-- Computing a job's document is costly (four to_tsvector calls over accent-folded text), but as an inlined SQL
-- function the planner priced it like a few operators: for a company whose size it cannot know (the session's
-- company is a parameter) it chose the plain company index and computed the document of every company job (V24
-- measured 224 ms for 1,638 jobs) over the document index. Not inlined (a SET clause) and with its real COST,
-- the company's document index wins whatever the company's size (checked on the demo data and with 3,000 jobs).
-- The index below is built after this, on the same call.
ALTER FUNCTION recruiter.job_search_document(text, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION recruiter.job_search_document(text, text) COST 10000;

-- gin_trgm_ops lives in the schema of pg_trgm (recruiter, unless it was installed elsewhere before): as in V8.
DO $$
DECLARE
    trgm text;
BEGIN
    SELECT n.nspname INTO STRICT trgm
      FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    PERFORM pg_catalog.set_config('search_path', pg_catalog.quote_ident(trgm) || ', pg_catalog', false);
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_search_document
    ON public.jobs USING gin (company_id, recruiter.job_search_document(title, description));
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_title_trgm
    ON public.jobs USING gin (company_id, recruiter.fold_text(title) gin_trgm_ops);

RESET search_path;

-- The platform-wide document index served only the old search (the platform's own searches are title ILIKEs, on
-- ix_jobs_title_trgm); next to the new one the planner still chose it for a company holding most of the jobs, and
-- every write to jobs maintained it.
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_search_document;

DO $$
BEGIN
    IF (SELECT count(*) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace
           AND c.relname IN ('ix_jobs_company_search_document', 'ix_jobs_company_title_trgm')
           AND i.indisvalid AND i.indisready) <> 2 THEN
        RAISE EXCEPTION 'Index ix_jobs_company_search_document or ix_jobs_company_title_trgm missing or not valid after the build'
            USING HINT = 'Another object may hold one of these names; remove it, then migrate again.';
    END IF;
END
$$;

-- One word of three letters or more, as an ILIKE pattern over accent-folded titles ('chauff' -> '%chauff%');
-- NULL for anything else (several words, operators, too short), which turns the fallback off.
CREATE OR REPLACE FUNCTION recruiter.partial_word_pattern(query text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN pg_catalog.length(w) >= 3 AND w !~ '[[:space:]"()|&!:*<>-]'
                THEN '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(w, '\', '\\'), '%', '\%'), '_', '\_')
                     || '%' END
      FROM (SELECT recruiter.fold_text(pg_catalog.btrim(coalesce(query, ''))) AS w) typed
$$;

-- The same contract as V24 (the ids of the session's live jobs matching what was typed; SECURITY DEFINER because
-- the match operator is not LEAKPROOF, so under row-level security no index could serve it), now per company:
-- the company's matches through ix_jobs_company_search_document, the managed jobs of other companies by primary
-- key; when nothing matches, the partial word within the same scope through ix_jobs_company_title_trgm. The
-- session and the query are InitPlans ((SELECT ...)), evaluated once and usable as index conditions.
CREATE OR REPLACE FUNCTION recruiter.search_visible_jobs(query text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET max_parallel_workers_per_gather = 0
    ROWS 200
AS $$
    WITH hits AS MATERIALIZED (
        SELECT j.id
          FROM public.jobs j
         WHERE j.company_id = (SELECT recruiter.session_company_id())
           AND recruiter.job_search_document(j.title, j.description) @@ (SELECT recruiter.search_query(query))
           AND j.deleted_at IS NULL
        UNION ALL
        SELECT j.id
          FROM public.jobs j
         WHERE j.id = ANY ((SELECT recruiter.session_job_ids())::integer[])
           AND j.company_id IS DISTINCT FROM (SELECT recruiter.session_company_id())
           AND recruiter.job_search_document(j.title, j.description) @@ (SELECT recruiter.search_query(query))
           AND j.deleted_at IS NULL)
    SELECT h.id FROM hits h
    UNION ALL
    SELECT j.id
      FROM public.jobs j
     WHERE NOT EXISTS (SELECT 1 FROM hits)
       AND j.company_id = (SELECT recruiter.session_company_id())
       AND recruiter.fold_text(j.title) ILIKE (SELECT recruiter.partial_word_pattern(query))
       AND j.deleted_at IS NULL
    UNION ALL
    SELECT j.id
      FROM public.jobs j
     WHERE NOT EXISTS (SELECT 1 FROM hits)
       AND j.id = ANY ((SELECT recruiter.session_job_ids())::integer[])
       AND j.company_id IS DISTINCT FROM (SELECT recruiter.session_company_id())
       AND recruiter.fold_text(j.title) ILIKE (SELECT recruiter.partial_word_pattern(query))
       AND j.deleted_at IS NULL
$$;
REVOKE ALL ON FUNCTION recruiter.search_visible_jobs(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.search_visible_jobs(text) TO recruiter_app;
