-- V49: a candidate's applications to one company found by (company, candidate) (issue 16).
--
-- Why: the Candidates section lists, for each of its 30 hits, the hit's applications the session may see. It read
-- every application of each candidate (about 29 across the platform) and let row-level security probe each one's
-- job: for the largest company 865 rows, 3,800 buffers, 2.8 ms p95 where a screen's read may take 2 ms. The
-- statistics facts (V32) already hold each application's company and candidate, kept by trigger from every
-- writer (a job's change of company included); indexed by (company_id, candidate_id) they name the company's
-- applications of a candidate directly: 3 rows a hit, about 1,000 buffers.
-- Built CONCURRENTLY: the facts are written by triggers in the platform's own application writes.

DO $$
BEGIN
    IF EXISTS (SELECT 1
                 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                WHERE c.relnamespace = 'recruiter'::regnamespace AND NOT i.indisvalid
                  AND c.relname = 'ix_stats_application_facts_company_candidate') THEN
        RAISE WARNING 'Index recruiter.ix_stats_application_facts_company_candidate is INVALID (an earlier concurrent build failed): dropping it and building it again.';
        ALTER INDEX recruiter.ix_stats_application_facts_company_candidate
            RENAME TO ix_stats_application_facts_company_candidate__invalid;
    END IF;
END
$$;
DROP INDEX CONCURRENTLY IF EXISTS recruiter.ix_stats_application_facts_company_candidate__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_stats_application_facts_company_candidate
    ON recruiter.stats_application_facts (company_id, candidate_id);
