-- V8: the indexes the analysis lists, adapted to the deployed schema (lower-case job values, nullable is_read)
-- and to the recruiter client's queries; full-text and trigram search.
--
-- For the web platform: only new indexes (each write to these tables maintains them). Several also speed up
-- the platform's own queries: ix_jobs_title_trgm serves its "title ILIKE '%...%'" job search,
-- ix_jobs_employer_status and ix_job_applications_candidate_applied its dashboards, and the three foreign-key
-- indexes (notifications.related_application_id / related_job_id, job_applications.cv_id) its deletes, which
-- had to scan those tables for referencing rows.
--
--   job_applications  ix_job_applications_board             (job_id, status, applied_at DESC) WHERE deleted_at IS NULL
--                       the client's board: one job's live applications by column, newest first
--                     ix_job_applications_candidate_applied  (candidate_id, applied_at DESC)
--                       a candidate's applications (analysis: candidate_id, status; the platform orders by applied_at)
--                     ix_job_applications_cv                 (cv_id) WHERE cv_id IS NOT NULL   (foreign key)
--   jobs              ix_jobs_company_status                 (company_id, status, posted_at DESC) WHERE deleted_at IS NULL
--                     ix_jobs_employer_status                (employer_id, status)   (employer_id had no index)
--                     ix_jobs_published_location_type        (location_type, posted_at DESC) WHERE status = 'published'
--                     ix_jobs_published_job_type             (job_type, posted_at DESC) WHERE status = 'published'
--                     ix_jobs_search_document                GIN (recruiter.job_search_document(title, description))
--                       a query hits it only in exactly this form:
--                         recruiter.job_search_document(j.title, j.description) @@ recruiter.search_query(:text)
--                       (an expression index rather than a STORED generated column: adding such a column would
--                       rewrite the whole jobs table under an ACCESS EXCLUSIVE lock)
--                     ix_jobs_title_trgm                     GIN (title gin_trgm_ops): ILIKE '%x%' / similarity on titles
--   notifications     ix_notifications_user_unread           (user_id, created_at DESC) WHERE is_read IS NOT TRUE
--                       is_read is nullable (rows written with plain SQL get NULL = unread), so the client asks
--                       "is_read IS NOT TRUE"; note PostgreSQL cannot use this index for "is_read = false"
--                     ix_notifications_related_application   (related_application_id) WHERE NOT NULL  (foreign key)
--                     ix_notifications_related_job           (related_job_id) WHERE NOT NULL          (foreign key)
--   skills / experiences / educations / candidate_cvs   ix_<table>_candidate (candidate_id): profile loading
--   users             ix_users_name_trgm                     GIN (recruiter.person_name_key(first_name, last_name) gin_trgm_ops)
--                       fuzzy name search: recruiter.person_name_key(u.first_name, u.last_name) ILIKE '%' || recruiter.fold_text(:q) || '%'
--                       or ... OPERATOR(recruiter.%) recruiter.fold_text(:q)
--   sessions          ix_sessions_expires                    (expires): purge of expired sessions
-- Left out from the analysis, on purpose: candidates(title) (superseded by the candidate full-text search, V13),
-- experiences(candidate_id) WHERE is_current (the plain index serves it), sessions(expires) WHERE expires < NOW()
-- (not possible: a partial-index predicate must be immutable), notifications(user_id, is_read) (superseded by
-- ix_notifications_user_unread), password_reset_tokens(expires_at) (a small table, purged daily).
--
-- Live-database safety: every index is built CONCURRENTLY, so the script runs outside a transaction (Flyway,
-- mixed=true). Re-runnable after a failure midway exactly like V4: an INVALID leftover under one of these names
-- is renamed to <name>__invalid (SHARE UPDATE EXCLUSIVE on that index only) and dropped CONCURRENTLY, a valid
-- one is kept, CREATE ... CONCURRENTLY IF NOT EXISTS, and a final check that all are valid.

-- gin_trgm_ops lives in the schema of pg_trgm (recruiter, unless it was installed elsewhere before): put that
-- schema on the search path of this session for the index definitions, and restore the path at the end.
DO $$
DECLARE
    trgm text;
BEGIN
    SELECT n.nspname INTO STRICT trgm
      FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    PERFORM pg_catalog.set_config('recruiter.v8_saved_search_path', pg_catalog.current_setting('search_path'), false);
    PERFORM pg_catalog.set_config('search_path', pg_catalog.quote_ident(trgm) || ', pg_catalog', false);
END
$$;

DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_board__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_candidate_applied__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_cv__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_status__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_employer_status__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_published_location_type__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_published_job_type__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_search_document__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_title_trgm__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_user_unread__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_related_application__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_related_job__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_skills_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_experiences_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_educations_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_candidate_cvs_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_users_name_trgm__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_sessions_expires__invalid;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisvalid
           AND c.relname IN ('ix_job_applications_board', 'ix_job_applications_candidate_applied',
                             'ix_job_applications_cv', 'ix_jobs_company_status', 'ix_jobs_employer_status',
                             'ix_jobs_published_location_type', 'ix_jobs_published_job_type',
                             'ix_jobs_search_document', 'ix_jobs_title_trgm', 'ix_notifications_user_unread',
                             'ix_notifications_related_application', 'ix_notifications_related_job',
                             'ix_skills_candidate', 'ix_experiences_candidate', 'ix_educations_candidate',
                             'ix_candidate_cvs_candidate', 'ix_users_name_trgm', 'ix_sessions_expires')
    LOOP
        RAISE WARNING 'Index public.% is INVALID (an earlier concurrent build failed): dropping it and building it again.', r.relname;
        EXECUTE pg_catalog.format('ALTER INDEX public.%I RENAME TO %I', r.relname, r.relname || '__invalid');
    END LOOP;
END
$$;

DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_board__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_candidate_applied__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_job_applications_cv__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_company_status__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_employer_status__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_published_location_type__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_published_job_type__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_search_document__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_jobs_title_trgm__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_user_unread__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_related_application__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_related_job__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_skills_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_experiences_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_educations_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_candidate_cvs_candidate__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_users_name_trgm__invalid;
DROP INDEX CONCURRENTLY IF EXISTS public.ix_sessions_expires__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_board
    ON public.job_applications (job_id, status, applied_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_candidate_applied
    ON public.job_applications (candidate_id, applied_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_job_applications_cv
    ON public.job_applications (cv_id) WHERE cv_id IS NOT NULL;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_company_status
    ON public.jobs (company_id, status, posted_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_employer_status
    ON public.jobs (employer_id, status);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_published_location_type
    ON public.jobs (location_type, posted_at DESC) WHERE status = 'published';
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_published_job_type
    ON public.jobs (job_type, posted_at DESC) WHERE status = 'published';
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_search_document
    ON public.jobs USING gin (recruiter.job_search_document(title, description));
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_title_trgm
    ON public.jobs USING gin (title gin_trgm_ops);

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_user_unread
    ON public.notifications (user_id, created_at DESC) WHERE is_read IS NOT TRUE;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_related_application
    ON public.notifications (related_application_id) WHERE related_application_id IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_related_job
    ON public.notifications (related_job_id) WHERE related_job_id IS NOT NULL;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_skills_candidate ON public.skills (candidate_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_experiences_candidate ON public.experiences (candidate_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_educations_candidate ON public.educations (candidate_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_candidate_cvs_candidate ON public.candidate_cvs (candidate_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_name_trgm
    ON public.users USING gin (recruiter.person_name_key(first_name, last_name) gin_trgm_ops);

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_sessions_expires ON public.sessions (expires);

DO $$
DECLARE
    expected text[] := ARRAY['ix_job_applications_board', 'ix_job_applications_candidate_applied',
                             'ix_job_applications_cv', 'ix_jobs_company_status', 'ix_jobs_employer_status',
                             'ix_jobs_published_location_type', 'ix_jobs_published_job_type',
                             'ix_jobs_search_document', 'ix_jobs_title_trgm', 'ix_notifications_user_unread',
                             'ix_notifications_related_application', 'ix_notifications_related_job',
                             'ix_skills_candidate', 'ix_experiences_candidate', 'ix_educations_candidate',
                             'ix_candidate_cvs_candidate', 'ix_users_name_trgm', 'ix_sessions_expires'];
    bad      text[];
BEGIN
    PERFORM pg_catalog.set_config('search_path',
        coalesce(nullif(pg_catalog.current_setting('recruiter.v8_saved_search_path', true), ''), 'recruiter'), false);
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
