-- V4: the unique indexes the analysis calls critical, built without blocking the platform.
--
-- For the web platform: three UNIQUE indexes are added. Its writes keep working; what changes is that a
-- second application by the same candidate to the same job, a second identical OAuth account link, or a second
-- identical verification token is now refused with SQLSTATE 23505 (the platform already checks the first two
-- in its code, so its users should never see it). Existing duplicates were resolved first (see V3): the kept
-- row stays where the platform expects it, the others are archived in schema recruiter.
--   ux_job_applications_job_candidate        job_applications (job_id, candidate_id), NOT partial: a rejected
--                                            candidate may not apply again to the same job (ADR 0003)
--   ux_accounts_user_provider_account        accounts (user_id, provider, provider_account_id)
--   ux_verification_tokens_identifier_token  verification_tokens (identifier, token)
--
-- Live-database safety: CREATE INDEX CONCURRENTLY, so this migration runs outside a transaction (Flyway sees the
-- CONCURRENTLY statements, and mixed=true runs the whole script in autocommit: each statement commits alone).
-- Re-runnable after a failure midway (Flyway records a failed non-transactional migration: `repair`, then
-- `migrate` again):
--   * the duplicate resolution runs again right before the builds (a duplicate the platform inserted since then
--     is also caught, and an INVALID unique index left by a failed build still blocks new duplicates);
--   * an INVALID index left by a failed concurrent build under one of OUR names is renamed to <name>__invalid by
--     a DO block (ALTER INDEX ... RENAME takes only a SHARE UPDATE EXCLUSIVE lock on that index, so the platform
--     is not blocked), then dropped CONCURRENTLY under that fixed name; a VALID index is left alone, so a re-run
--     does not rebuild what already succeeded;
--   * CREATE ... CONCURRENTLY IF NOT EXISTS, then a final check that every index exists and is valid.

SELECT recruiter.resolve_duplicate_applications();
SELECT recruiter.resolve_duplicate_accounts();

DROP INDEX CONCURRENTLY IF EXISTS public.ux_job_applications_job_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ux_accounts_user_provider_account__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ux_verification_tokens_identifier_token__invalid;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname IN ('ux_job_applications_job_candidate', 'ux_accounts_user_provider_account',
                             'ux_verification_tokens_identifier_token')
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;

DROP INDEX CONCURRENTLY IF EXISTS public.ux_job_applications_job_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ux_accounts_user_provider_account__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ux_verification_tokens_identifier_token__invalid;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_job_applications_job_candidate
    ON public.job_applications (job_id, candidate_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_accounts_user_provider_account
    ON public.accounts (user_id, provider, provider_account_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_verification_tokens_identifier_token
    ON public.verification_tokens (identifier, token);

DO $$
DECLARE
    expected text[] := ARRAY['ux_job_applications_job_candidate', 'ux_accounts_user_provider_account',
                             'ux_verification_tokens_identifier_token'];
    bad      text[];
BEGIN
    SELECT pg_catalog.array_agg(e) INTO bad
      FROM pg_catalog.unnest(expected) e
     WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relname = e
                          AND i.indisvalid AND i.indisready);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'Indexes missing or not valid after the build: %', bad
            USING HINT = 'Another object may hold one of these names; remove it, run repair, then migrate again.';
    END IF;
END
$$;
