-- V54: statistics panels of the largest employer read from index-only ranges (issue 16).
--
-- Why, measured on the large data set for the largest company (8,001 jobs) as the signed-in client:
--   top jobs, all time     sorted the company's 8,042 per-job counts for 10 of them: 962 buffers, 7-8 ms;
--   active jobs (dashboard) counted the published ones from the same rows: the policy's ELSE branch needs job_id,
--                          which ix_job_application_counts_company did not carry, so 900 heap pages: 5 ms;
--   time in stage, quarter 6,479 histogram rows spread over 4,082 heap pages of stats_company_durations (rows of
--                          one company and day are written over months, one move at a time): 4,114 buffers;
--   sources, a period     the same shape on stats_company_sources.
-- Now:
--   ix_job_application_counts_company_total hands out a company's live jobs by total applications, most first: the
--     top ten are the first ten entries (the statement orders by the same expression);
--   ix_job_application_counts_company carries job_id, so counts over a company's jobs are index-only;
--   the primary keys of stats_company_durations and stats_company_sources carry the count they key, so a period is
--     one index-only range.
--
-- Writes: every count the triggers keep (a move, an application) now also updates these index entries. The counts
-- row of a job was already outside HOT (its counts were in ix_job_application_counts_company), the rollup rows
-- now are too: one more index entry per row a write touches, a few microseconds, measured in the bench's
-- "A move's triggers" table.
--
-- Also two helpers for the migrations from here on: recruiter.set_aside_invalid_indexes (what V37 and others wrote
-- out each time) and recruiter.reads_without_policies (V53's owner-or-BYPASSRLS test, for V55 and V56).
--
-- Live-database safety like V37: outside a transaction, indexes built CONCURRENTLY, an index left INVALID by an
-- earlier failed build dropped and built again; each primary key swapped to its covering twin in one short
-- ALTER TABLE through apply_ddl (lock waits short and retried). Re-runnable (a re-run after a failure builds
-- what is missing again).

-- Shared by the migrations from here on. An index an earlier concurrent build left INVALID is renamed
-- name__invalid (and dropped CONCURRENTLY by the migration, which a function cannot do), so that the build runs
-- again under its own name.
CREATE OR REPLACE PROCEDURE recruiter.set_aside_invalid_indexes(in_schema text, names text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = in_schema::pg_catalog.regnamespace AND NOT i.indisvalid AND c.relname = ANY (names)
    LOOP
        RAISE WARNING 'Index %.% is INVALID (an earlier concurrent build failed): dropping it and building it again.',
            in_schema, r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', in_schema, r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE recruiter.set_aside_invalid_indexes(text, text[]) FROM PUBLIC;

-- Whether the session user reads a table with no row-level security (its owner, as the laptop's offline copy is
-- read, or a role that bypasses it): the SECURITY DEFINER readers (V55, V56) then skip their session check, as
-- the policies did. A client login cannot change its session user.
CREATE OR REPLACE FUNCTION recruiter.reads_without_policies(tbl pg_catalog.regclass) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.rolbypassrls OR pg_catalog.pg_has_role(session_user, t.relowner, 'USAGE')
      FROM pg_catalog.pg_roles r, pg_catalog.pg_class t
     WHERE r.rolname = session_user AND t.oid = tbl
$$;
REVOKE ALL ON FUNCTION recruiter.reads_without_policies(pg_catalog.regclass) FROM PUBLIC;

CALL recruiter.set_aside_invalid_indexes('recruiter', ARRAY['ix_job_application_counts_company_total',
    'ix_job_application_counts_company_v54', 'stats_company_durations_pkey_v54', 'stats_company_sources_pkey_v54']);
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_job_application_counts_company_total__invalid;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_job_application_counts_company_v54__invalid;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.stats_company_durations_pkey_v54__invalid;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.stats_company_sources_pkey_v54__invalid;

-- The expression is the one recruiter.StatsMapper.topJobs orders by; keep them the same.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_application_counts_company_total
    ON recruiter.job_application_counts
       (company_id, (applied + viewed + shortlisted + interview + accepted + rejected) DESC, job_id)
    WHERE job_live;

-- Replaces V30's index of the same name (key company_id, without job_id).
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_application_counts_company_v54
    ON recruiter.job_application_counts (company_id)
    INCLUDE (job_id, job_status, applied, viewed, shortlisted, interview, accepted, rejected)
    WHERE job_live;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_job_application_counts_company;
ALTER INDEX recruiter.ix_job_application_counts_company_v54 RENAME TO ix_job_application_counts_company;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS stats_company_durations_pkey_v54
    ON recruiter.stats_company_durations (company_id, day, metric, bucket) INCLUDE (samples);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS stats_company_sources_pkey_v54
    ON recruiter.stats_company_sources (company_id, day, source) INCLUDE (applications);

CALL recruiter.apply_ddl(ARRAY[
$ddl$
ALTER TABLE recruiter.stats_company_durations
    DROP CONSTRAINT stats_company_durations_pkey,
    ADD CONSTRAINT stats_company_durations_pkey PRIMARY KEY USING INDEX stats_company_durations_pkey_v54
$ddl$,
$ddl$
ALTER TABLE recruiter.stats_company_sources
    DROP CONSTRAINT stats_company_sources_pkey,
    ADD CONSTRAINT stats_company_sources_pkey PRIMARY KEY USING INDEX stats_company_sources_pkey_v54
$ddl$]);

DO $$
BEGIN
    IF (SELECT count(*) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'recruiter'::regnamespace
           AND c.relname IN ('ix_job_application_counts_company_total', 'ix_job_application_counts_company',
                             'stats_company_durations_pkey', 'stats_company_sources_pkey')
           AND i.indisvalid AND i.indisready
           AND (c.relname = 'ix_job_application_counts_company_total' OR i.indnatts > i.indnkeyatts)) <> 4 THEN
        RAISE EXCEPTION 'An index of V54 is missing or not valid after the build'
            USING HINT = 'Another object may hold one of these names; remove it, then migrate again.';
    END IF;
END
$$;
