-- V33: the statistics rollups (V32) for the applications that existed before.
--
-- For the web platform: its writes keep working throughout. recruiter.stats_backfill(batch) walks the applications
-- by id in batches (default 20,000), one transaction each:
--   1. SELECT ... FOR SHARE on the batch's applications: a platform write to one of them waits until the batch
--      commits (a fraction of a second), so no fact is computed from a row that changes meanwhile;
--   2. inserts the facts of those that have none yet (an application written since V32 already has its facts, from
--      its trigger, and is skipped) and adds them to the company tables in the same transaction, taking each
--      company's all-time row first like the triggers do (writers of those companies queue on it until the commit).
-- Locks: ROW SHARE on job_applications (row locks on at most one batch), ROW EXCLUSIVE on the rollup tables; no
-- table lock that blocks the platform. Measured on the large data set (1,000,000 applications) in decision 0012.
-- A candidate or job soft-deleted while its applications' batch runs can leave a difference that maintain's
-- recount reports and repairs. Runs outside a transaction (see the .conf file): each batch commits.
-- Re-runnable: skips applications that have facts. (No SET search_path on the procedure: it would forbid its
-- COMMITs; every name in it is schema-qualified.)

CREATE OR REPLACE PROCEDURE recruiter.stats_backfill(batch integer DEFAULT 20000)
    LANGUAGE plpgsql
AS $$
DECLARE
    lo    integer;
    top   integer;
    added recruiter.stats_application_facts[];
BEGIN
    SELECT coalesce(min(id), 0), coalesce(max(id), 0) INTO lo, top FROM public.job_applications;
    WHILE lo <= top LOOP
        PERFORM 1 FROM public.job_applications a WHERE a.id >= lo AND a.id < lo + batch FOR SHARE;
        WITH missing AS (
            INSERT INTO recruiter.stats_application_facts
            SELECT * FROM recruiter.stats_facts_of(ARRAY(
                SELECT a.id FROM public.job_applications a
                 WHERE a.id >= lo AND a.id < lo + batch
                   AND NOT EXISTS (SELECT 1 FROM recruiter.stats_application_facts f WHERE f.application_id = a.id)))
            ON CONFLICT (application_id) DO NOTHING
            RETURNING *)
        SELECT array_agg(ROW(m.*)::recruiter.stats_application_facts) INTO added FROM missing m;
        PERFORM recruiter.stats_apply('{}', coalesce(added, '{}'));
        COMMIT;
        lo := lo + batch;
    END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE recruiter.stats_backfill(integer) FROM PUBLIC;

CALL recruiter.stats_backfill();

ANALYZE recruiter.stats_application_facts;
ANALYZE recruiter.stats_company_day;
ANALYZE recruiter.stats_company_durations;
ANALYZE recruiter.stats_company_sources;
