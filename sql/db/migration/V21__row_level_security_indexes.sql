-- V21: indexes the row-level security policies (V22) and sign-in (V20) look rows up by, and the triggers that
-- keep recruiter.company_candidates (V20) in step with the applications.
--
-- For the web platform: new indexes, and two AFTER row triggers that only write to schema recruiter:
--   job_applications  recruiter_track_company_candidate  AFTER INSERT OR DELETE OR UPDATE OF job_id, candidate_id
--   jobs              recruiter_track_job_company        AFTER UPDATE OF company_id
-- (SECURITY DEFINER, so the platform's role needs no right in schema recruiter). The table is then filled from the
-- existing applications, set-based; the triggers exist first, so no application written meanwhile is missed.
--   employers  ix_employers_company   (company_id)     colleagues of the signed-in recruiter (users/employers policies)
--   users      ix_users_email_lower   (lower(email))   sign-in and "add hiring manager" match the address case-insensitively
--
-- Live-database safety and re-runs exactly like V8: CONCURRENTLY, outside a transaction; an INVALID leftover is
-- renamed to <name>__invalid, dropped, and built again; a final check that both exist and are valid.

DROP INDEX CONCURRENTLY IF EXISTS public.ix_employers_company__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_users_email_lower__invalid;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname IN ('ix_employers_company', 'ix_users_email_lower')
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;

DROP INDEX CONCURRENTLY IF EXISTS public.ix_employers_company__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_users_email_lower__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_employers_company ON public.employers (company_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email_lower ON public.users (lower(email::text));

DO $$
DECLARE
    bad text[];
BEGIN
    SELECT pg_catalog.array_agg(e) INTO bad
      FROM pg_catalog.unnest(ARRAY['ix_employers_company', 'ix_users_email_lower']) e
     WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relname = e
                          AND i.indisvalid AND i.indisready);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Indexes missing or not valid after the build: %', bad
            USING HINT = 'Another object may hold one of these names; remove it, run repair, then migrate again.';
    END IF;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_track_company_candidate
    AFTER INSERT OR DELETE OR UPDATE OF job_id, candidate_id ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.track_company_candidate()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_track_job_company
    AFTER UPDATE OF company_id ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.track_job_company()
$ddl$
]);

SELECT recruiter.rebuild_company_candidates();
ANALYZE recruiter.company_candidates;
